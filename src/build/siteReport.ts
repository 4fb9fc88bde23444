import type { Report } from '../analyse/report.ts';
import type { ChartReport } from '../charts/chartReport.ts';

/** What the site is rendered from: the analysed study and its tabulated charts. */
export interface SiteReport extends Report {
  readonly charts: readonly ChartReport[];
}
