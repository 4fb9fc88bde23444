import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { copyDefaultSite, copyHostileSite, hostileFixture } from '../../helpers/builtSite.ts';
import { repoRoot, runBuild } from '../../helpers/runBuild.ts';

/** A built site: its folder and the base path it is served under (the path of `url` in study.yaml). */
export interface BuiltSite {
  readonly dist: string;
  readonly base: string;
  /** `url` from study.yaml: the published address. */
  readonly url: string;
}

/** The base path and published address of a study package folder. */
export function studyAddress(dataDir: string): { base: string; url: string } {
  const study = parseYaml(readFileSync(join(dataDir, 'study.yaml'), 'utf8')) as { url: string };
  return { base: new URL(study.url).pathname, url: study.url };
}

/**
 * Build a study into a fresh temp dir with the build CLI, as a user does; throws with the
 * build's output when it fails. No arguments: the default study (data/, content/).
 */
export function buildSite(name: string, study?: { data: string; content: string }): BuiltSite {
  const dist = mkdtempSync(join(tmpdir(), `qualpress-${name}-`));
  if (!study) {
    // The default study's site, built once per test run and copied.
    rmSync(dist, { recursive: true });
    copyDefaultSite(dist);
    return { dist, ...studyAddress(join(repoRoot, 'data')) };
  }
  const run = runBuild(['--data', study.data, '--content', study.content, '--out', dist]);
  if (run.status !== 0 || run.stderr !== '') {
    rmSync(dist, { recursive: true, force: true });
    throw new Error(`build of ${name} failed (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return { dist, ...studyAddress(study?.data ?? join(repoRoot, 'data')) };
}

/** The hostile fixture's site, built once per test run and copied. */
export function hostileSite(): BuiltSite {
  const dist = mkdtempSync(join(tmpdir(), 'qualpress-hostile-'));
  rmSync(dist, { recursive: true });
  copyHostileSite(dist);
  return { dist, ...studyAddress(join(hostileFixture, 'data')) };
}

/** Every built HTML file, relative to the site with `/` separators, sorted; Pagefind's own files left out. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort();
}

/** A page file's path below the base path: `charts/x/index.html` → `charts/x/`. */
export const pagePath = (file: string): string => file.replace(/(^|\/)index\.html$/, '$1');

export const documentOf = (dist: string, file: string): Document => parseHTML(readFileSync(join(dist, file), 'utf8')).document;

/** Chapters written as MDX in content/chapters (the others are generated from the codebook). */
export function authoredChapterIds(contentDir: string): Set<string> {
  const dir = join(contentDir, 'chapters');
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => name.replace(/\.mdx?$/, '')),
  );
}

/** Authored chapters whose front matter asks for the illustrative notice in full (`notice: full`). */
export function chaptersWithFullNotice(contentDir: string): Set<string> {
  const dir = join(contentDir, 'chapters');
  if (!existsSync(dir)) return new Set();
  const full = readdirSync(dir).filter((name) => {
    if (!/\.mdx?$/.test(name)) return false;
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'))?.[1] ?? '';
    return (parseYaml(frontMatter) as { notice?: string } | null)?.notice === 'full';
  });
  return new Set(full.map((name) => name.replace(/\.mdx?$/, '')));
}

/**
 * A word of one chapter's own prose that no other reading page contains (nor its stem, as
 * Pagefind stems English words), so a search for it must find that chapter.
 */
export function wordOfOneChapter(dist: string): { word: string; chapter: string } {
  const files = htmlFiles(dist).filter(
    (file) => !/(^|\/)embed\//.test(file) && file !== '404.html' && file !== 'search/index.html' && file !== 'print/index.html',
  );
  const textOf = (file: string) => (documentOf(dist, file).querySelector('main')?.textContent ?? '').toLowerCase();
  const texts = new Map(files.map((file) => [file, textOf(file)]));
  for (const chapter of files.filter((file) => /^chapters\/[^/]+\/index\.html$/.test(file))) {
    const prose = [...documentOf(dist, chapter).querySelectorAll('main p')]
      .filter((p) => !p.closest('figure, details, .chart'))
      .map((p) => p.textContent ?? '');
    const others = [...texts].filter(([file]) => file !== chapter).map(([, text]) => text);
    const word = prose
      .join(' ')
      .toLowerCase()
      .match(/\b[a-z]{7,}\b/g)
      ?.find((candidate) => !others.some((text) => text.includes(candidate.slice(0, -2))));
    if (word) return { word, chapter: pagePath(chapter) };
  }
  throw new Error('no word of a chapter occurs in that chapter only');
}
