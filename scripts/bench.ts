// `npm run bench`: cold builds of the default study and of generated studies up to ten
// million tweets (10M only when asked for), timed per stage, with DuckDB loading the same
// files and computing the same counts as the data stage's anchor; rebuilds of the default
// study with the chart cache; and an import of a 50,000-coding REFI-QDA project, checked
// against the performance targets.
//
//   node scripts/bench.ts [--cases default,10k,100k,1M,10M] [--runs 1] [--json FILE] [--skip-import] [--baseline REF]
//
// --baseline REF (optional: it needs git) also times the default study's cold build against
// the same build of another commit, in turn, e.g. `--baseline main` (docs/performance.md).
//
// It is a measurement, not a test: a missed target still exits 0. Only a build that
// fails (or bad options) exits non-zero.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { baselineTarget, formatBaseline, measureBaseline, type BaselineResult } from './bench/baseline.ts';
import { prepareCase } from './bench/cases.ts';
import { measureCase, type CaseResult } from './bench/measure.ts';
import { measureImport, type ImportResult } from './bench/import.ts';
import { measureRebuilds, type RebuildResult } from './bench/rebuilds.ts';
import { benchJson, formatImport, formatRebuilds, formatTable, formatTargets } from './bench/report.ts';
import { BuildFailedError } from './bench/run-build.ts';
import { checkTargets } from './bench/targets.ts';
import { parseBenchOptions, USAGE, type BenchOptions } from './bench/options.ts';

const repoRoot = resolve(import.meta.dirname, '..');

/** Progress goes to stderr so stdout holds only the table, the targets and the JSON. */
function progress(message: string): void {
  console.error(`bench: ${message}`);
}

function runCases(options: BenchOptions, tempRoot: string): CaseResult[] {
  const results: CaseResult[] = [];
  for (const name of options.cases) {
    const generating = performance.now();
    const prepared = prepareCase(name, repoRoot, tempRoot);
    if (name !== 'default') progress(`generated ${name} in ${((performance.now() - generating) / 1000).toFixed(1)} s`);
    progress(
      `building ${name} (${prepared.units.toLocaleString('en-US')} tweets), ${options.runs} cold run${options.runs === 1 ? '' : 's'}`,
    );
    results.push(measureCase(prepared, repoRoot, tempRoot, options.runs));
    // A generated study is only needed for its own case; drop it now to keep the temp dir small.
    if (name !== 'default') rmSync(prepared.dataDir, { recursive: true, force: true });
  }
  return results;
}

function runRebuilds(tempRoot: string): RebuildResult {
  progress('rebuilding default with the chart cache: cold, no change, a one-row change, a prose edit');
  return measureRebuilds(repoRoot, tempRoot);
}

function runImport(tempRoot: string): ImportResult {
  progress('importing a generated REFI-QDA project (50,000 codings)');
  const importRoot = join(tempRoot, 'import');
  mkdirSync(importRoot);
  const imported = measureImport(repoRoot, importRoot);
  rmSync(importRoot, { recursive: true, force: true });
  return imported;
}

function runBaseline(options: BenchOptions, tempRoot: string): BaselineResult | undefined {
  if (options.baseline === undefined) return undefined;
  progress(`cold builds of default against ${options.baseline}, ${options.baselineRuns} pairs in turn`);
  return measureBaseline(repoRoot, tempRoot, options.baseline, options.baselineRuns);
}

function main(argv: readonly string[]): void {
  const options = parseBenchOptions(argv);
  if (!options) {
    console.log(USAGE);
    return;
  }
  const tempRoot = mkdtempSync(join(tmpdir(), 'qualpress-bench-'));
  try {
    const results = runCases(options, tempRoot);
    const rebuilds = options.cases.includes('default') ? runRebuilds(tempRoot) : undefined;
    const imported = options.importProject ? runImport(tempRoot) : undefined;
    const baseline = runBaseline(options, tempRoot);
    const targets = [...checkTargets(results, imported, rebuilds), baselineTarget(baseline, options.baseline)];
    const json = baseline
      ? JSON.stringify({ ...(JSON.parse(benchJson(results, targets, imported, rebuilds)) as object), baseline }, null, 2)
      : benchJson(results, targets, imported, rebuilds);
    console.log(
      `${formatTable(results)}\n${formatRebuilds(rebuilds)}\n${formatImport(imported)}\n${formatBaseline(baseline)}\n\n${formatTargets(targets)}\n\n${json}`,
    );
    if (options.jsonFile) writeFileSync(options.jsonFile, `${json}\n`);
  } finally {
    rmSync(tempRoot, { recursive: true, force: true });
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof BuildFailedError) {
    console.error(`bench: ${error.message}\n${error.stderr.trimEnd()}`);
  } else {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
