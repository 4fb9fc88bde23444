import type { APIRoute } from 'astro';
import type { ChartReport } from '../model/chartReport.ts';
import type { SiteReport } from '../model/siteReport.ts';
import { chartStaticPaths } from './chartStaticPaths.ts';
import { siteOf, type Site } from './site.ts';

/** A file under /charts/<id>/ of the given report, written once per chart at build time. */
export function chartDownload(
  report: SiteReport,
  contentType: string,
  body: (site: Site, chart: ChartReport) => string | Uint8Array | Promise<Uint8Array>,
) {
  const site = siteOf(report);
  const GET: APIRoute<{ chart: ChartReport }> = async ({ props }) =>
    new Response((await body(site, props.chart)) as BodyInit, { headers: { 'Content-Type': contentType } });
  return { getStaticPaths: () => chartStaticPaths(site), GET };
}
