import type { ChartReport } from '../model/chartReport.ts';
import type { Site } from './site.ts';

/** One page (or download) per chart: the shared `getStaticPaths` of every route under /charts/<id>/. */
export function chartStaticPaths(site: Site): { params: { id: string }; props: { chart: ChartReport } }[] {
  return site.report.charts.map((chart) => ({ params: { id: chart.id }, props: { chart } }));
}
