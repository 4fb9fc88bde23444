import type { APIRoute } from 'astro';
import type { ChartReport } from '../charts/chartReport.ts';
import { chartStaticPaths } from './chartStaticPaths.ts';

/** A file under /charts/<id>/, written once per chart at build time. */
export function chartDownload(contentType: string, body: (chart: ChartReport) => string | Uint8Array) {
  const GET: APIRoute<{ chart: ChartReport }> = ({ props }) => new Response(body(props.chart) as BodyInit, { headers: { 'Content-Type': contentType } });
  return { getStaticPaths: chartStaticPaths, GET };
}
