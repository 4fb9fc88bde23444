// The worker thread of pagePrefetch.ts: makes, through the code the pages run, every chart
// drawing (through a chart cache of its own with the build's folder and stamp) and every
// citation the pages show, and sends each to the main thread as soon as it is made.
import { parentPort, workerData } from 'node:worker_threads';
import { chartSvg } from '../charts/chartSvg.ts';
import { cacheKey, createChartCache, useChartCache, type ChartCache } from '../charts/export/chartCache.ts';
import { onFormatted } from '../cite/formattedOnce.ts';
import type { SiteReport } from '../model/siteReport.ts';
import { stageTotals } from '../timing/stageTimer.ts';
import { chapterCitations } from './chapterCitation.ts';
import { chartCitations, citationOf } from './chartCitations.ts';
import { chartPngFile, chartSocialCard, chartSvgFile, chartThumbnail } from './chartFiles.ts';
import { chartStaticPaths } from './chartStaticPaths.ts';
import type { PrefetchMessage, PrefetchRequest } from './pagePrefetch.ts';
import { allReferences } from './references.ts';
import { releaseCitations, reportCitations } from './reportCitation.ts';
import { siteOf, type Site } from './site.ts';

const port = parentPort;
if (!port) throw new Error('internal: pagePrefetchWorker runs only as a worker thread');
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

/** Every citation a page shows or a citation file holds, sent in one message. */
function formatCitations(site: Site, routes: ReturnType<typeof chartStaticPaths>): void {
  const formatted: [string, unknown][] = [];
  onFormatted((key, value) => formatted.push([key, value]));
  reportCitations(site);
  for (const release of site.report.releases.releases) releaseCitations(site, release);
  for (const plan of site.report.chapters) chapterCitations(site, plan);
  for (const { props } of routes) {
    chartCitations(site, props.chart, citationOf(site, props.chart, props.version));
    chartCitations(site, props.chart, 'across versions');
  }
  allReferences(site);
  void site.basedOnReferences;
  onFormatted(undefined);
  send({ type: 'formatted', entries: formatted });
}

async function prefetch({ reportJson, cache }: PrefetchRequest): Promise<void> {
  useChartCache(forwardingCache(cache));
  const report = JSON.parse(reportJson) as SiteReport;
  const site = siteOf(report);
  const routes = chartStaticPaths(site);
  // The SVGs and citations first: pages need them at once and cannot wait; a PNG file waits for its PNG.
  for (const { props } of routes) {
    chartSvg(props.chart, site.language, 'wide');
    chartSvg(props.chart, site.language, 'narrow');
    chartSvgFile(site, props.chart, props.version);
  }
  formatCitations(site, routes);
  for (const { props } of routes) {
    await chartPngFile(site, props.chart, props.version);
    await chartSocialCard(site, props.chart, props.version);
    await chartThumbnail(site, props.chart, props.version);
  }
}

prefetch(workerData as PrefetchRequest).then(
  () => send({ type: 'done', totals: stageTotals() }),
  (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
