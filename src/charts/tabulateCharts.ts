import type { Report } from '../model/report.ts';
import type { Study } from '../model/types.ts';
import { chartContext } from './chartContext.ts';
import type { ChartReport } from '../model/chartReport.ts';
import type { PlannedChart } from './defaultCharts.ts';
import { kindOf } from './kinds/index.ts';

/** Tabulate every planned chart: the rows it draws, its source line and its description. */
export function tabulateCharts(planned: readonly PlannedChart[], study: Study, report: Report): ChartReport[] {
  const context = chartContext(study, report);
  return planned.map(({ id, definition, isDefault, source }) => ({
    id,
    definition,
    isDefault,
    ...(source === undefined ? {} : { source }),
    ...kindOf(definition).tabulate(definition, context),
  }));
}
