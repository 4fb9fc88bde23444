import type { ChartReport } from '../../model/chartReport.ts';

/**
 * A spreadsheet opening a CSV runs a cell that starts with one of these as a formula;
 * a leading apostrophe keeps the text as text (OWASP's advice on CSV injection).
 */
const formulaStart = /^[=+\-@\t\r]/;

function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The chart's data as CSV: the values drawn in the chart, one row each, under readable headers. */
export function chartCsv(chart: ChartReport): string {
  const header = chart.columns.map((column) => csvCell(column.label));
  const rows = chart.rows.map((row) => chart.columns.map((column) => csvCell(row[column.key] ?? '')));
  return `${[header, ...rows].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
