import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, createChartCache, entryPath, evictChartCache, readEntry, writeEntry } from '../../../src/charts/export/chartCache.ts';
import { chartCacheStamp, packageVersion, sourceHash } from '../../../src/charts/export/chartCacheStamp.ts';
import { repoRoot } from '../../helpers/runBuild.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qualpress-chart-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const chart = { id: 'themes', definition: { title: 'Themes' }, rows: [{ code: 'a', n: 3 }] };

describe('the chart cache', () => {
  it('draws on a miss, and on a hit returns the stored drawing without drawing', async () => {
    let draws = 0;
    const first = createChartCache({ dir, stamp: 'stamp', enabled: true });
    expect(first.text('inline.svg', { chart }, 'themes', () => `<svg>${++draws}</svg>`)).toBe('<svg>1</svg>');
    expect(await first.bytes('chart.png', { chart }, 'themes', () => Promise.resolve(Buffer.from([++draws])))).toEqual(Buffer.from([2]));
    expect(first.charts()).toEqual({ fromCache: new Set(), drawn: new Set(['themes']) });

    const second = createChartCache({ dir, stamp: 'stamp', enabled: true });
    expect(second.text('inline.svg', { chart }, 'themes', () => `<svg>${++draws}</svg>`)).toBe('<svg>1</svg>');
    expect(await second.bytes('chart.png', { chart }, 'themes', () => Promise.resolve(Buffer.from([++draws])))).toEqual(Buffer.from([2]));
    expect(draws).toBe(2);
    expect(second.charts()).toEqual({ fromCache: new Set(['themes']), drawn: new Set() });
  });

  it('counts a chart as drawn when any one of its files was drawn', () => {
    const cache = createChartCache({ dir, stamp: 'stamp', enabled: true });
    cache.text('inline.svg', { chart }, 'themes', () => '<svg/>');
    const again = createChartCache({ dir, stamp: 'stamp', enabled: true });
    again.text('inline.svg', { chart }, 'themes', () => '<svg/>');
    again.text('chart.svg', { chart }, 'themes', () => '<svg/>');
    expect(again.charts()).toEqual({ fromCache: new Set(), drawn: new Set(['themes']) });
  });

  it('under --no-cache draws every time and writes nothing', () => {
    const cache = createChartCache({ dir, stamp: 'stamp', enabled: false });
    let draws = 0;
    cache.text('inline.svg', { chart }, 'themes', () => `${++draws}`);
    cache.text('inline.svg', { chart }, 'themes', () => `${++draws}`);
    expect(draws).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    expect(cache.charts().drawn).toEqual(new Set(['themes']));
  });

  it('changes the key when the data, the text drawn, the file or the renderer change', () => {
    const key = cacheKey('stamp', 'chart.png', { chart, language: 'en', width: 1600 });
    const changed = [
      cacheKey('stamp', 'chart.png', { chart: { ...chart, rows: [{ code: 'a', n: 4 }] }, language: 'en', width: 1600 }),
      cacheKey('stamp', 'chart.png', { chart: { ...chart, definition: { title: 'Topics' } }, language: 'en', width: 1600 }),
      cacheKey('stamp', 'chart.png', { chart, language: 'de', width: 1600 }),
      cacheKey('stamp', 'chart.png', { chart, language: 'en', width: 640 }),
      cacheKey('stamp', 'social.png', { chart, language: 'en', width: 1600 }),
      cacheKey('stamp 2', 'chart.png', { chart, language: 'en', width: 1600 }),
    ];
    expect(new Set([key, ...changed]).size).toBe(changed.length + 1);
    expect(cacheKey('stamp', 'chart.png', { chart, language: 'en', width: 1600 })).toBe(key);
  });

  it('stamps the versions of qualpress and the rendering packages and a hash of the drawing code', () => {
    const stamp = chartCacheStamp(repoRoot);
    const project = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(stamp).toContain(`qualpress ${project.version}`);
    const plot = packageVersion('@observablehq/plot', repoRoot);
    expect(plot).toMatch(/^\d+\.\d+\.\d+/);
    expect(stamp).toContain(`@observablehq/plot ${plot}`);
    expect(stamp).toContain(`@resvg/resvg-js ${packageVersion('@resvg/resvg-js', repoRoot)}`);
    expect(stamp).toContain('@expo-google-fonts/atkinson-hyperlegible ');
    expect(stamp).not.toMatch(/ unknown$/m);
  });

  it('hashes the drawing code so that any edit to it changes the stamp', () => {
    const code = mkdtempSync(join(tmpdir(), 'qualpress-code-'));
    try {
      writeFileSync(join(code, 'kind.ts'), 'export const a = 1;');
      const before = sourceHash(code, ['.']);
      expect(sourceHash(code, ['.'])).toBe(before);
      writeFileSync(join(code, 'kind.ts'), 'export const a = 2;');
      expect(sourceHash(code, ['.'])).not.toBe(before);
    } finally {
      rmSync(code, { recursive: true, force: true });
    }
  });

  it('treats a missing, truncated or altered entry as a miss', () => {
    const key = cacheKey('stamp', 'chart.png', { chart });
    expect(readEntry(dir, key)).toBeUndefined();
    const content = Buffer.from('a drawing of some length');
    writeEntry(dir, key, content);
    expect(readEntry(dir, key)).toEqual(content);

    const stored = readFileSync(entryPath(dir, key));
    writeFileSync(entryPath(dir, key), stored.subarray(0, stored.length - 3));
    expect(readEntry(dir, key)).toBeUndefined();
    writeFileSync(entryPath(dir, key), stored.subarray(0, 10));
    expect(readEntry(dir, key)).toBeUndefined();
    const altered = Buffer.from(stored);
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 1, altered.length - 1);
    writeFileSync(entryPath(dir, key), altered);
    expect(readEntry(dir, key)).toBeUndefined();

    let draws = 0;
    const cache = createChartCache({ dir, stamp: 'stamp', enabled: true });
    expect(cache.text('chart.png', { chart }, 'themes', () => `drawn ${++draws}`)).toBe('drawn 1');
    expect(readEntry(dir, key)?.toString()).toBe('drawn 1');
  });

  it('never lets writers running side by side leave a torn entry', async () => {
    const key = cacheKey('stamp', 'chart.png', { chart });
    const module = join(repoRoot, 'src', 'charts', 'export', 'chartCache.ts');
    // Each writer stores its own large content under the same key, many times over.
    const writer = (fill: number) =>
      new Promise<void>((resolve, reject) => {
        const script = `import { writeEntry } from ${JSON.stringify(module)};
          for (let i = 0; i < 40; i++) writeEntry(${JSON.stringify(dir)}, ${JSON.stringify(key)}, Buffer.alloc(2_000_000, ${fill}));`;
        const child = spawn(join(repoRoot, 'node_modules', '.bin', 'node'), ['--input-type=module', '-e', script], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited with ${code}`))));
      });
    const writers = Promise.all([writer(1), writer(2), writer(3)]);
    let done = false;
    void writers.finally(() => (done = true));
    const seen = new Set<number>();
    while (!done) {
      const found = readEntry(dir, key);
      if (found) {
        expect(found.length).toBe(2_000_000);
        expect(found.every((byte) => byte === found[0])).toBe(true);
        seen.add(found[0]!);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await writers;
    const last = readEntry(dir, key);
    expect(last?.length).toBe(2_000_000);
    expect([1, 2, 3]).toContain(last?.[0]);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([key]);
  }, 30_000);

  it('evicts the least recently used entries until the rest fit the bound', () => {
    const keys = ['first', 'second', 'third', 'fourth'].map((name) => cacheKey('stamp', name, {}));
    const now = Date.now();
    keys.forEach((key, index) => {
      writeEntry(dir, key, Buffer.alloc(1000));
      const used = new Date(now - (keys.length - index) * 60_000);
      utimesSync(entryPath(dir, key), used, used);
    });
    // A hit makes the oldest entry the most recently used.
    expect(readEntry(dir, keys[0]!)).toBeDefined();
    const size = statSync(entryPath(dir, keys[0]!)).size;

    const kept = evictChartCache(dir, 2 * size + 10);
    expect(kept).toBe(2 * size);
    const left = keys.filter((key) => readEntry(dir, key) !== undefined);
    expect(left).toEqual([keys[0], keys[3]]);
  });

  it('removes temporary files left by a killed build, but not one being written', () => {
    const stale = join(dir, 'ab', 'abc.123-dead.tmp');
    const fresh = join(dir, 'ab', 'abd.123-live.tmp');
    writeEntry(dir, 'ab' + '0'.repeat(62), Buffer.from('x'));
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'half');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, old, old);
    evictChartCache(dir, 1024 * 1024);
    expect(readdirSync(join(dir, 'ab')).sort()).toEqual(['ab' + '0'.repeat(62), 'abd.123-live.tmp'].sort());
  });
});
