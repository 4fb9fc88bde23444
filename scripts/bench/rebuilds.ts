// Rebuilds of the default study with the build's caches (the chart cache and the record of the
// last build, docs/performance.md): a cold build with an empty cache and no site, then rebuilds
// into the same folder after no change, after a one-row change to the dataset file and after a
// one-line edit to a chapter's prose, each timed from outside as the researcher waits.
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runBuild } from './run-build.ts';

export interface RebuildResult {
  readonly coldS: number;
  readonly noChangeS: number;
  readonly oneRowS: number;
  readonly proseS: number;
  /** What each rebuild said it reused: its line on charts ("13 charts: 12 from the cache, 1 drawn") or that nothing changed. */
  readonly chartLines: { readonly noChange: string; readonly oneRow: string; readonly prose: string };
}

/** A new last row: a copy of the file's last row under a new id (its first field). */
function addOneRow(csvFile: string): void {
  const text = readFileSync(csvFile, 'utf8');
  const last = text.trimEnd().split('\n').at(-1) ?? '';
  const comma = last.indexOf(',');
  if (comma < 1 || last.startsWith('"')) throw new Error(`${csvFile}: expected a last row starting with an unquoted id`);
  appendFileSync(csvFile, `${text.endsWith('\n') ? '' : '\n'}${last.slice(0, comma)}b${last.slice(comma)}\n`);
}

/** One more sentence at the end of the first chapter, as a researcher edits the prose. */
function editProse(contentDir: string): void {
  const chapters = join(contentDir, 'chapters');
  const [first] = readdirSync(chapters)
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  if (!first) throw new Error(`${chapters}: expected a chapter to edit`);
  appendFileSync(join(chapters, first), '\nOne more sentence, as a researcher edits a chapter.\n');
}

export function measureRebuilds(repoRoot: string, tempRoot: string): RebuildResult {
  const study = join(tempRoot, 'rebuild-study');
  cpSync(join(repoRoot, 'data'), join(study, 'data'), { recursive: true });
  cpSync(join(repoRoot, 'content'), join(study, 'content'), { recursive: true });
  const workDir = join(tempRoot, 'rebuild-work');
  const cache = join(workDir, 'chart-cache');
  // Cold: no cache, and no site from an earlier bench in the same folder.
  rmSync(cache, { recursive: true, force: true });
  rmSync(join(workDir, 'dist'), { recursive: true, force: true });
  const build = () => runBuild(repoRoot, join(study, 'data'), workDir, { cache, content: join(study, 'content') });
  const cold = build();
  const noChange = build();
  addOneRow(join(study, 'data', 'tweets.csv'));
  const oneRow = build();
  editProse(join(study, 'content'));
  const prose = build();
  const seconds = (ms: number) => Number((ms / 1000).toFixed(3));
  return {
    coldS: seconds(cold.outerWallMs),
    noChangeS: seconds(noChange.outerWallMs),
    oneRowS: seconds(oneRow.outerWallMs),
    proseS: seconds(prose.outerWallMs),
    chartLines: { noChange: noChange.chartLine, oneRow: oneRow.chartLine, prose: prose.chartLine },
  };
}
