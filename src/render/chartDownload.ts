import type { APIRoute } from 'astro';
import type { ChartReport } from '../model/chartReport.ts';
import type { SiteReport } from '../model/siteReport.ts';
import { chartStaticPaths } from './chartStaticPaths.ts';
import { siteOf, type Site } from './site.ts';

type ChartFile = (site: Site, chart: ChartReport, version: string | undefined) => string | Uint8Array | Promise<Uint8Array>;

/** A file under /charts/<id>/ (or /charts/<id>/<version>/) of the given report, written once per chart at build time. */
export function chartDownload(report: SiteReport, contentType: string, body: ChartFile) {
  const site = siteOf(report);
  const GET: APIRoute<{ chart: ChartReport; version?: string }> = async ({ props }) =>
    new Response((await body(site, props.chart, props.version)) as BodyInit, { headers: { 'Content-Type': contentType } });
  return { getStaticPaths: () => chartStaticPaths(site), GET };
}
