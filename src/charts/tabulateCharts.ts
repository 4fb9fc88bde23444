import type { ChartReport } from '../model/chartReport.ts';
import type { MeasureRequests, Report } from '../model/report.ts';
import { chartContext } from './chartKind.ts';
import type { PlannedChart } from './defaultCharts.ts';
import { kindOf } from './kinds/index.ts';

/** Tabulate every planned chart from the analysed report: the rows it draws, its source line and its description. */
export function tabulateCharts(planned: readonly PlannedChart[], report: Report): ChartReport[] {
  const context = chartContext(report);
  return planned.map(({ id, definition, isDefault, source }) => ({
    id,
    definition,
    isDefault,
    ...(source === undefined ? {} : { source }),
    ...kindOf(definition).tabulate(definition, context),
  }));
}

/** What the declared charts need the analysis to compute beyond the standard figures. */
export function measureRequests(planned: readonly PlannedChart[]): MeasureRequests {
  const asked = planned.map(({ definition }) => kindOf(definition).measures?.(definition) ?? {});
  return { anyOf: asked.flatMap((measures) => measures.anyOf ?? []), coverage: asked.flatMap((measures) => measures.coverage ?? []) };
}
