import type { ChartReport } from '../model/chartReport.ts';
import { report } from './site.ts';

/** One page (or download) per chart: the shared `getStaticPaths` of every route under /charts/<id>/. */
export function chartStaticPaths(): { params: { id: string }; props: { chart: ChartReport } }[] {
  return report.charts.map((chart) => ({ params: { id: chart.id }, props: { chart } }));
}
