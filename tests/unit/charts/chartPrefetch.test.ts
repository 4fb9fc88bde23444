import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartSvg } from '../../../src/charts/chartSvg.ts';
import { cacheKey, createChartCache, useChartCache, type Prefetch, type PrefetchedEntry } from '../../../src/charts/export/chartCache.ts';
import { chartPngFile, chartSocialCard, chartSvgFile, chartThumbnail } from '../../../src/render/chartFiles.ts';
import { prefetchCharts } from '../../../src/render/chartPrefetch.ts';
import { siteOf } from '../../../src/render/site.ts';
import { chartReport } from '../../helpers/chartFixture.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qualpress-chart-prefetch-'));
});
afterEach(() => {
  useChartCache(undefined);
  rmSync(dir, { recursive: true, force: true });
});

const chart = { id: 'themes', rows: [{ code: 'a', n: 3 }] };

/** A prefetch holding the given entries, whose other entries never arrive. */
function prefetchOf(entries: readonly PrefetchedEntry[], finished = true): Prefetch {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  return {
    get: (key) => byKey.get(key),
    wait: (key) => (byKey.has(key) || finished ? Promise.resolve(byKey.get(key)) : new Promise(() => {})),
  };
}

describe('drawings made by another thread', () => {
  it('are used under their key instead of drawing, and counted as that thread counted them', async () => {
    const cache = createChartCache({ dir, stamp: 'stamp', enabled: false });
    cache.usePrefetch(
      prefetchOf([
        { key: cacheKey('stamp', 'inline.svg', { chart }), chartId: 'themes', content: Buffer.from('<svg>there</svg>'), fromCache: false },
        { key: cacheKey('stamp', 'chart.png', { chart }), chartId: 'themes', content: Buffer.from([7]), fromCache: false },
      ]),
    );
    let draws = 0;
    expect(cache.text('inline.svg', { chart }, 'themes', () => `<svg>${++draws}</svg>`)).toBe('<svg>there</svg>');
    expect(await cache.bytes('chart.png', { chart }, 'themes', () => Promise.resolve(Buffer.from([++draws])))).toEqual(Buffer.from([7]));
    expect(draws).toBe(0);
    expect(cache.charts().drawn).toEqual(new Set(['themes']));
  });

  it('leave every other drawing to this thread', async () => {
    const cache = createChartCache({ dir, stamp: 'stamp', enabled: false });
    cache.usePrefetch(prefetchOf([]));
    expect(cache.text('inline.svg', { chart }, 'themes', () => '<svg>here</svg>')).toBe('<svg>here</svg>');
    expect(await cache.bytes('chart.png', { chart }, 'themes', () => Promise.resolve(Buffer.from([1])))).toEqual(Buffer.from([1]));
  });

  it('a text not there yet is drawn here at once rather than waited for', () => {
    const cache = createChartCache({ dir, stamp: 'stamp', enabled: false });
    cache.usePrefetch(prefetchOf([], false));
    expect(cache.text('inline.svg', { chart }, 'themes', () => '<svg>here</svg>')).toBe('<svg>here</svg>');
  });
});

describe('prefetchCharts', () => {
  it('draws on a worker thread exactly the files the pages draw', async () => {
    const report = chartReport();
    const site = siteOf(report);
    // What the pages would draw, on this thread, with no cache.
    const expected = await Promise.all(
      report.charts.map(async (drawn) => [
        chartSvg(drawn, site.language, 'wide'),
        chartSvg(drawn, site.language, 'narrow'),
        chartSvgFile(site, drawn),
        await chartPngFile(site, drawn),
        await chartThumbnail(site, drawn),
        await chartSocialCard(site, drawn),
      ]),
    );

    // The same files through a cache fed by the worker, from a copy of the report as the pages get it.
    const copy = siteOf(JSON.parse(JSON.stringify(report)) as typeof report);
    const cache = createChartCache({ dir, stamp: 'stamp', enabled: false });
    let drawnHere = 0;
    useChartCache({
      ...cache,
      text: (what, material, chartId, draw) => cache.text(what, material, chartId, () => (drawnHere++, draw())),
      bytes: (what, material, chartId, draw) => cache.bytes(what, material, chartId, () => (drawnHere++, draw())),
    });
    prefetchCharts(cache, report);
    const fromWorker = await Promise.all(
      copy.report.charts.map(async (drawn) => {
        // Files first (they wait for the worker), then the texts, which by then have arrived.
        const png = await chartPngFile(copy, drawn);
        const thumbnail = await chartThumbnail(copy, drawn);
        const social = await chartSocialCard(copy, drawn);
        return [
          chartSvg(drawn, copy.language, 'wide'),
          chartSvg(drawn, copy.language, 'narrow'),
          chartSvgFile(copy, drawn),
          png,
          thumbnail,
          social,
        ];
      }),
    );
    expect(fromWorker).toEqual(expected);
    expect(drawnHere).toBe(0);
    // Each chart counts as the worker counted it: drawn (there is no persistent cache).
    expect(cache.charts().drawn).toEqual(new Set(report.charts.map((drawn) => drawn.id)));
  }, 60_000);
});
