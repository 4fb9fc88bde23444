import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runBuild } from './runBuild.ts';

/**
 * Build the default study once for a test file, into a temporary folder removed afterwards.
 * Returns a getter: the folder exists only once beforeAll has run.
 */
export function buildDefaultSiteOnce(prefix: string): () => string {
  let dist = '';
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), prefix));
    const run = runBuild(['--out', dist]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  return () => dist;
}

/** Every built HTML file, relative to the site with `/` separators (Pagefind's own files left out). */
export function htmlFilesOf(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort();
}
