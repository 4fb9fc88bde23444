import type { APIRoute } from 'astro';
import type { ChartReport } from '../model/chartReport.ts';
import { chartStaticPaths } from './chartStaticPaths.ts';

/** A file under /charts/<id>/, written once per chart at build time. */
export function chartDownload(contentType: string, body: (chart: ChartReport) => string | Uint8Array | Promise<Uint8Array>) {
  const GET: APIRoute<{ chart: ChartReport }> = async ({ props }) => new Response((await body(props.chart)) as BodyInit, { headers: { 'Content-Type': contentType } });
  return { getStaticPaths: chartStaticPaths, GET };
}
