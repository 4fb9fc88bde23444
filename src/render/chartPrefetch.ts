import { Worker } from 'node:worker_threads';
import type { ChartCache, Prefetch, PrefetchedEntry } from '../charts/export/chartCache.ts';
import type { SiteReport } from '../model/siteReport.ts';
import { addStageTotals } from '../timing/stageTimer.ts';

/** What the main thread sends the worker (chartPrefetchWorker.ts). */
export interface PrefetchRequest {
  /** The report as JSON: the pages read it the same way, so every key comes out the same. */
  readonly reportJson: string;
  readonly cache: ChartCache['options'];
}

/** What the worker sends back: a drawing, its stage totals when it is done, or why it stopped. */
export type PrefetchMessage =
  | { readonly type: 'drawing'; readonly key: string; readonly chartId: string; readonly content: Uint8Array; readonly fromCache: boolean }
  | { readonly type: 'done'; readonly totals: [string, number][] }
  | { readonly type: 'failed'; readonly message: string };

/**
 * Draw every chart's files (inline SVGs, the SVG download, the PNGs, the social card) on a
 * worker thread while Astro bundles the pages on the main one: a page then writes what the
 * worker drew instead of drawing it. The worker runs the code the pages run, on the same
 * report, and its drawings are used under the chart cache's keys, so each is the drawing the
 * page would have made; whatever it has not drawn yet (a text a page needs at once) or at all
 * (it failed) is drawn by the page as before.
 */
export function prefetchCharts(cache: ChartCache, report: SiteReport): void {
  const request: PrefetchRequest = { reportJson: JSON.stringify(report), cache: cache.options };
  const worker = new Worker(new URL('./chartPrefetchWorker.ts', import.meta.url), { workerData: request });
  const drawings = new Map<string, PrefetchedEntry>();
  const waiting = new Map<string, ((entry: PrefetchedEntry | undefined) => void)[]>();
  let finished = false;
  function finish(): void {
    finished = true;
    for (const resolvers of waiting.values()) for (const resolve of resolvers) resolve(undefined);
    waiting.clear();
  }
  worker.on('message', (message: PrefetchMessage) => {
    switch (message.type) {
      case 'drawing': {
        const entry = { key: message.key, chartId: message.chartId, fromCache: message.fromCache, content: Buffer.from(message.content) };
        drawings.set(entry.key, entry);
        for (const resolve of waiting.get(entry.key) ?? []) resolve(entry);
        waiting.delete(entry.key);
        break;
      }
      case 'done':
        addStageTotals(message.totals);
        finish();
        break;
      case 'failed':
        finish();
    }
  });
  // A worker that cannot start or crashes costs only the time it would have saved.
  worker.on('error', finish);
  worker.on('exit', finish);
  // After the listeners, which hold the worker again: the build never waits for it to exit; a page
  // that needs a drawing waits for that drawing.
  worker.unref();
  const prefetch: Prefetch = {
    get: (key) => drawings.get(key),
    wait(key) {
      const entry = drawings.get(key);
      if (entry || finished) return Promise.resolve(entry);
      return new Promise((resolve) => waiting.set(key, [...(waiting.get(key) ?? []), resolve]));
    },
  };
  cache.usePrefetch(prefetch);
}
