import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badCaseNames,
  badRoot,
  baseRoot,
  expectedLines,
  hashTree,
  prepareCase,
  runBuildAsync,
  type CaseFolders,
} from '../helpers/badCase.ts';
import { runBuild } from '../helpers/runBuild.ts';

// The bad-input corpus (tests/fixtures/bad/, described in tests/helpers/badCase.ts): every
// case is the small valid base study with one kind of breakage, run through the real CLI.
//
// A broken build must print exactly the problem lines in the case's expected.txt, IN ORDER
// (the order is the CLI's: files in reading order, then by line), then the "Build stopped"
// line; exit 1; print nothing on stdout and no stack trace; and leave its --out folder byte
// for byte as the good build left it.
//
// The good site is built once, from the base study. Each case gets its own byte-identical
// copy of it as --out, so the cases run side by side (they stop before Astro starts, in
// under a second each) and a build that wrongly succeeded cannot spoil the cases after it;
// every copy is compared, file by file, with the hashes of that first good build, and so is
// the first good build's own folder at the end.
//
// Decided here: a 1 MB cell in a CODE column is an error (22, 23: it is no code, and it is
// reported in one line, cut to 60 characters, as fast as any other case; a build still
// running after 30 s is killed and fails its case); a 1 MB TEXT cell is fine and builds
// (below). A UTF-8 byte-order mark and mixed CRLF/LF/CR line ends are
// accepted and build with the same counts as the base study; mixed line ends give problem
// line numbers as an editor shows them (case 60).

const cases = badCaseNames();
let work: string;
let base: CaseFolders;
let goodOut: string;
let goodHashes: Map<string, string>;
let goodSummary: string[];

/**
 * A folder for a study that goes through a full (Astro) build, unique to this run right up to
 * its end. The CLI keys Astro's cache by only the last 40 characters of the study's path in
 * base64 (about 30 of the path), and a cache left by an earlier build of the "same" study
 * names generated chapters in that build's folder, since removed, so the build fails
 * ("Rolldown failed to resolve import astro:content-layer-deferred-module"): a path like
 * `<temp>/cases/_ok-mixed-line-ends/data` would hit the last run's cache. The run's random
 * name goes last, just before data/, so every run starts with a cache of its own.
 */
function fullBuildRoot(name: string): string {
  return join(work, 'built', name, basename(work));
}

/**
 * The build summary with the study's folder written {data}, less the line of pages, bytes and
 * seconds and the line saying how many charts came from the chart cache (which depends on the
 * builds before).
 */
function summaryOf(stdout: string, folders: CaseFolders): string[] {
  return stdout
    .replaceAll(folders.data, '{data}')
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('Built ') && !/^[\d,]+ charts: /.test(line));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-bad-'));
  base = prepareCase('_base', fullBuildRoot('_base'));
  goodOut = join(work, 'good', 'out');
  // Made here: the CLI does not create a missing parent of --out, and crashes renaming the
  // finished site into it (src/build/replaceDist.ts).
  mkdirSync(join(work, 'good'));
  const run = runBuild(['--data', base.data, '--content', base.content, '--out', goodOut]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  goodHashes = hashTree(goodOut);
  goodSummary = summaryOf(run.stdout, base);
  expect(goodSummary[0]).toBe('{data}/posts.csv: 10 rows read, 9 used, 1 excluded (1 "advertising")');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bad-input corpus', () => {
  it('has at least 30 cases, each with its expected problems and only files that differ from the base', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const name of cases) {
      const entries = readdirSync(join(badRoot, name));
      expect(entries, name).toContain('expected.txt');
      expect(
        entries.filter((entry) => !['data', 'content', 'expected.txt', 'recipe.json'].includes(entry)),
        name,
      ).toEqual([]);
      for (const folder of ['data', 'content'].filter((entry) => entries.includes(entry))) {
        for (const file of readdirSync(join(badRoot, name, folder), { recursive: true, withFileTypes: true }).filter((entry) =>
          entry.isFile(),
        )) {
          const path = join(file.parentPath, file.name).slice(join(badRoot, name).length + 1);
          const original = join(baseRoot, path);
          if (existsSync(original))
            expect(
              readFileSync(join(badRoot, name, path)).equals(readFileSync(original)),
              `${name}/${path} is the base file unchanged`,
            ).toBe(false);
        }
      }
    }
  });
});

describe.concurrent('a broken study package', () => {
  it.for(cases)('%s: reports every problem, exits 1, and leaves the good site as it was', async (name, { expect }) => {
    const root = join(work, 'cases', name);
    const folders = prepareCase(name, root);
    const site = join(root, 'site');
    const out = join(site, 'out');
    mkdirSync(site);
    cpSync(goodOut, out, { recursive: true });
    expect(hashTree(out)).toEqual(goodHashes);

    const run = await runBuildAsync(['--data', folders.data, '--content', folders.content, '--out', out]);

    const expected = expectedLines(name, folders);
    const stopped = `Build stopped: ${expected.length} problem${expected.length === 1 ? '' : 's'} in the study package or its content. ${out}/ was left as it was.`;
    expect(run.stderr.split('\n')).toEqual([...expected, '', stopped, '']);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/Error:|TypeError/);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
    expect(hashTree(out)).toEqual(goodHashes);
    // Nothing beside it either: no half-built or set-aside copy of the site.
    expect(readdirSync(site)).toEqual(['out']);
  });
});

describe('the first good build', () => {
  it('is byte-identical after every failed build', () => {
    expect(hashTree(goodOut)).toEqual(goodHashes);
  });
});

describe('input that looks odd but is accepted', () => {
  it.for(['_ok-bom', '_ok-mixed-line-ends', '_ok-long-text-cell'])('%s builds, with the counts of the base study', (name) => {
    const folders = prepareCase(name, fullBuildRoot(name));
    const out = join(folders.root, 'out');
    const run = runBuild(['--data', folders.data, '--content', folders.content, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(summaryOf(run.stdout, folders)).toEqual(goodSummary);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('A tiny forum study for bad-input tests');
  });

  it('the accepted files really are what they claim', () => {
    const bom = prepareCase('_ok-bom', join(work, 'check', 'bom'));
    for (const file of ['study.yaml', 'codebook.yaml', 'participants.csv', 'posts.csv', 'notes.csv']) {
      expect([...readFileSync(join(bom.data, file)).subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
    }
    const mixed = readFileSync(join(prepareCase('_ok-mixed-line-ends', join(work, 'check', 'mixed')).data, 'posts.csv'), 'latin1');
    expect(mixed).toMatch(/\r\n/);
    expect(mixed).toMatch(/\r[^\n]/);
    expect(mixed).toMatch(/[^\r]\n/);
    const long = readFileSync(join(prepareCase('_ok-long-text-cell', join(work, 'check', 'long')).data, 'posts.csv'), 'utf8');
    expect(long.length).toBeGreaterThan(1024 * 1024);
  });
});
