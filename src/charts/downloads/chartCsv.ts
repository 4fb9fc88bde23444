import { csvText } from '../../format/csvCell.ts';
import type { ChartReport } from '../../model/chartReport.ts';

/** The chart's data as CSV: the values drawn in the chart, one row each, under readable headers. */
export function chartCsv(chart: ChartReport): string {
  const header = chart.columns.map((column) => column.label);
  const rows = chart.rows.map((row) => chart.columns.map((column) => row[column.key] ?? ''));
  return csvText([header, ...rows], '\r\n');
}
