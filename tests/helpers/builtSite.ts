import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { runBuild } from './runBuild.ts';

/** The hostile-text fixture study (tests/fixtures/hostile), whose sites several test files read. */
export const hostileFixture = join(import.meta.dirname, '..', 'fixtures', 'hostile');

/**
 * A study's site, built once per test run by `npm run build` into a folder of its own under
 * the one tests/globalSetup.ts provides, and copied into `into` (which must not exist yet), so
 * a test file may change its copy. The build is deterministic, so every copy is the site a
 * build would make; test files that check the build itself (its output, its summary) run their own.
 */
function copySharedSite(name: string, args: readonly string[], into: string): void {
  const shared = join(inject('sharedDefaultSite'), name, 'dist');
  mkdirSync(dirname(shared), { recursive: true });
  // Two test files running at once may both ask: one builds, the other waits for its site.
  whileHolding(join(dirname(shared), 'building'), () => {
    // The build swaps dist/ in whole only when it succeeds, so an index page means a good site.
    if (existsSync(join(shared, 'index.html'))) return;
    const run = runBuild([...args, '--out', shared]);
    expect(run.stderr, name).toBe('');
    expect(run.status, name).toBe(0);
  });
  cpSync(shared, into, { recursive: true });
}

/**
 * Run `action` while holding a lock folder (made atomically by mkdir). The wait blocks the
 * test file's thread, so it gives up before Vitest's 120 s hook timeout could say anything.
 */
function whileHolding(lock: string, action: () => void): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const giveUp = Date.now() + 110_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > giveUp) throw new Error(`${lock} still held after 110 s`, { cause: error });
      Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The default study's site (data/, content/), built once per run. */
export function copyDefaultSite(into: string): void {
  copySharedSite('default', [], into);
}

/** The hostile fixture's site, built once per run. */
export function copyHostileSite(into: string): void {
  copySharedSite('hostile', ['--data', join(hostileFixture, 'data'), '--content', join(hostileFixture, 'content')], into);
}

/**
 * The default study's site for a test file, in a temporary folder removed afterwards.
 * Returns a getter: the folder exists only once beforeAll has run.
 */
export function buildDefaultSiteOnce(prefix: string): () => string {
  let dist = '';
  beforeAll(() => {
    dist = join(mkdtempSync(join(tmpdir(), prefix)), 'dist');
    copyDefaultSite(dist);
  });
  afterAll(() => rmSync(dirname(dist), { recursive: true, force: true }));
  return () => dist;
}

/** Every built HTML file, relative to the site with `/` separators (Pagefind's own files left out). */
export function htmlFilesOf(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort();
}
