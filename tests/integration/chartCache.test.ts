import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild, type BuildRun } from '../helpers/runBuild.ts';

// One small study built three times into a cache of its own: cold, warm, and with --no-cache.
const fixture = join(repoRoot, 'tests', 'fixtures', 'school-visits');
let work: string;
let cold: BuildRun;
let warm: BuildRun;
let uncached: BuildRun;

const build = (out: string, ...flags: string[]) =>
  runBuild(['--data', join(fixture, 'data'), '--content', join(fixture, 'content'), '--out', join(work, out), ...flags], {
    QUALPRESS_CACHE: join(work, 'cache'),
  });

/** Every chart image and SVG of a built site, by its path in the site. */
function chartFiles(out: string): Map<string, Buffer> {
  const root = join(work, out, 'charts');
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(png|svg)$/.test(entry.name))
      files.set(relative(root, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** The summary's line on charts: how many, and how many came from the cache. */
const chartLine = (run: BuildRun) => run.stdout.split('\n').find((line) => /^\d+ charts: /.test(line));
const chartCount = (run: BuildRun) => Number(/, (\d+) charts, /.exec(run.stdout)?.[1]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-chart-cache-'));
  cold = build('cold');
  warm = build('warm');
  uncached = build('uncached', '--no-cache');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the persistent chart cache', () => {
  it('draws every chart on the first build and stores them', () => {
    expect(cold.stderr).toBe('');
    expect(cold.status).toBe(0);
    const charts = chartCount(cold);
    expect(charts).toBeGreaterThan(0);
    expect(chartLine(cold)).toBe(`${charts} charts: 0 from the cache, ${charts} drawn`);
    expect(readdirSync(join(work, 'cache')).length).toBeGreaterThan(0);
  });

  it('takes every chart from the cache on a rebuild with no change, with the same bytes', () => {
    expect(warm.status).toBe(0);
    const charts = chartCount(warm);
    // The study package did not change either, so its analysis is the one kept too.
    expect(chartLine(warm)).toBe(
      `${charts} charts: ${charts} from the cache, 0 drawn; the study package is unchanged, so its analysis came from the cache too`,
    );
    const first = chartFiles('cold');
    const second = chartFiles('warm');
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect([...first.keys()].some((path) => path.endsWith('social.png'))).toBe(true);
    for (const [path, bytes] of first) expect(second.get(path)?.equals(bytes), path).toBe(true);
  });

  it('draws every chart under --no-cache, and the same bytes again', () => {
    expect(uncached.status).toBe(0);
    expect(chartLine(uncached)).toBe(`${chartCount(uncached)} charts: all drawn (cache off)`);
    const first = chartFiles('cold');
    for (const [path, bytes] of chartFiles('uncached')) expect(first.get(path)?.equals(bytes), path).toBe(true);
  });
});
