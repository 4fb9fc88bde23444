// The worker thread of chartPrefetch.ts: draws, through the code the pages run, every chart
// file of the build's pages, through a chart cache of its own with the build's folder and
// stamp, and sends each drawing to the main thread, under its key, as soon as it is made.
import { parentPort, workerData } from 'node:worker_threads';
import { chartSvg } from '../charts/chartSvg.ts';
import { cacheKey, createChartCache, useChartCache, type ChartCache } from '../charts/export/chartCache.ts';
import type { SiteReport } from '../model/siteReport.ts';
import { stageTotals } from '../timing/stageTimer.ts';
import { chartPngFile, chartSocialCard, chartSvgFile, chartThumbnail } from './chartFiles.ts';
import { chartStaticPaths } from './chartStaticPaths.ts';
import type { PrefetchMessage, PrefetchRequest } from './chartPrefetch.ts';
import { siteOf } from './site.ts';

const port = parentPort;
if (!port) throw new Error('internal: chartPrefetchWorker runs only as a worker thread');
const send = (message: PrefetchMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** The build's cache, opened again here, that also sends the main thread every drawing it gives out. */
function forwardingCache(options: PrefetchRequest['cache']): ChartCache {
  const cache = createChartCache(options);
  const forward = (what: string, material: unknown, chartId: string, content: Buffer, fromCache: boolean) => {
    const copy = new Uint8Array(content);
    send({ type: 'drawing', key: cacheKey(options.stamp, what, material), chartId, content: copy, fromCache }, [copy.buffer]);
  };
  return {
    ...cache,
    text(what, material, chartId, draw) {
      let drawnHere = false;
      const text = cache.text(what, material, chartId, () => ((drawnHere = true), draw()));
      forward(what, material, chartId, Buffer.from(text, 'utf8'), !drawnHere);
      return text;
    },
    async bytes(what, material, chartId, draw) {
      let drawnHere = false;
      const bytes = await cache.bytes(what, material, chartId, () => ((drawnHere = true), draw()));
      forward(what, material, chartId, bytes, !drawnHere);
      return bytes;
    },
  };
}

async function prefetch({ reportJson, cache }: PrefetchRequest): Promise<void> {
  useChartCache(forwardingCache(cache));
  const report = JSON.parse(reportJson) as SiteReport;
  const site = siteOf(report);
  const routes = chartStaticPaths(site);
  // The SVGs first: pages need them at once and cannot wait; a PNG file waits for its PNG.
  for (const { props } of routes) {
    chartSvg(props.chart, site.language, 'wide');
    chartSvg(props.chart, site.language, 'narrow');
    chartSvgFile(site, props.chart, props.version);
  }
  // A chart's three images at once: each is rendered on libuv's thread pool and encoded here.
  for (const { props } of routes)
    await Promise.all([
      chartPngFile(site, props.chart, props.version),
      chartSocialCard(site, props.chart, props.version),
      chartThumbnail(site, props.chart, props.version),
    ]);
}

prefetch(workerData as PrefetchRequest).then(
  () => send({ type: 'done', totals: stageTotals() }),
  (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
