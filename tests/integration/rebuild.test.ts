import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteManifest } from '../../src/build/buildRecord.ts';
import { repoRoot, runBuild, type BuildRun } from '../helpers/runBuild.ts';
import { expectSameSite } from '../helpers/sameSite.ts';

// Rebuilds of a small study into one output folder with a build cache of its own, each
// compared byte for byte with a build of the same files under --no-cache (docs/performance.md,
// "Rebuilds"): no change, a file of the site removed (the study's analysis reused), one data
// row changed, and a data problem after a good build.
let work: string;
const study = () => join(work, 'study');
const out = () => join(work, 'site');

const build = (into: string, ...flags: string[]) =>
  runBuild(['--data', join(study(), 'data'), '--content', join(study(), 'content'), '--out', into, ...flags], {
    QUALPRESS_CACHE: join(work, 'cache'),
  });

const upToDate = (run: BuildRun) => /^Nothing changed since the last build: .* is up to date \(/m.test(run.stdout);
const built = (run: BuildRun) => /^Built .*: \d+ pages, /m.test(run.stdout);

/** Change the first data row's note, as a researcher corrects one row. */
function changeOneRow(): void {
  const file = join(study(), 'data', 'visits.csv');
  const [header = '', first = '', ...rest] = readFileSync(file, 'utf8').split('\n');
  expect(first).toContain('three times');
  writeFileSync(file, [header, first.replace('three times', 'four times'), ...rest].join('\n'));
}

let first: BuildRun;
let second: BuildRun;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-rebuild-'));
  cpSync(join(repoRoot, 'tests', 'fixtures', 'school-visits'), study(), { recursive: true });
  first = build(out());
  second = build(out());
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('rebuilding into the same folder', () => {
  it('builds the first time, and does nothing the second, saying so with the same figures', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(built(first)).toBe(true);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(upToDate(second)).toBe(true);
    expect(built(second)).toBe(false);
    // What was read and used, as the first build said it.
    const readLines = (run: BuildRun) => run.stdout.split('\n').filter((line) => /rows read/.test(line));
    expect(readLines(second)).toEqual(readLines(first));
    expect(readLines(second).length).toBeGreaterThan(0);
    const figures = /: (\d+) pages, (\d+) charts, /.exec(first.stdout);
    expect(second.stdout).toContain(`(${figures?.[1]} pages, ${figures?.[2]} charts, `);
  });

  it('leaves a site the same, byte for byte, as a build with every cache off', () => {
    const uncached = join(work, 'uncached');
    const run = build(uncached, '--no-cache');
    expect(run.status).toBe(0);
    expect(built(run)).toBe(true);
    expectSameSite(out(), uncached);
  });

  it('builds again when a file of the site was removed, and puts it back', () => {
    const manifest = siteManifest(out());
    const removed = manifest.find(([path]) => path.endsWith('.html'))?.[0] ?? '';
    rmSync(join(out(), removed));
    const run = build(out());
    expect(run.status).toBe(0);
    expect(upToDate(run)).toBe(false);
    expect(built(run)).toBe(true);
    // The study package is unchanged: its analysis is the one kept, and the site is the same.
    expect(run.stdout).toContain('its analysis came from the cache too');
    expect(siteManifest(out()).map(([path]) => path)).toEqual(manifest.map(([path]) => path));
    expectSameSite(out(), join(work, 'uncached'));
  });

  it('builds a changed data row into the site a build with every cache off makes of it', () => {
    changeOneRow();
    const run = build(out());
    expect(run.status).toBe(0);
    expect(built(run)).toBe(true);
    expect(run.stdout).not.toContain('its analysis came from the cache');
    const uncached = join(work, 'uncached-changed');
    expect(build(uncached, '--no-cache').status).toBe(0);
    expectSameSite(out(), uncached);
    expect(readFileSync(join(out(), 'index.html'), 'utf8')).not.toBe(readFileSync(join(work, 'uncached', 'index.html'), 'utf8'));
  });

  it('stops on a data problem after a good build, with the problem, leaving the site untouched', () => {
    const before = siteManifest(out());
    const file = join(study(), 'data', 'visits.csv');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('2025-03-03,openings', '2025-03-03,opennings'));
    const run = build(out());
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/visits\.csv:3:focus: /);
    expect(run.stderr).toContain('Build stopped: ');
    expect(siteManifest(out())).toEqual(before);
    // The problem fixed, the files are those of the last good build again: nothing to do.
    writeFileSync(file, good);
    const fixed = build(out());
    expect(fixed.status).toBe(0);
    expect(upToDate(fixed)).toBe(true);
    expect(siteManifest(out())).toEqual(before);
  });
});
