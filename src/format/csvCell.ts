/**
 * A spreadsheet opening a CSV runs a cell that starts with one of these as a formula;
 * a leading apostrophe keeps the text as text (OWASP's advice on CSV injection).
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field: RFC 4180 quoting, and never the start of a spreadsheet formula. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file from a header and rows, each field written by `csvCell`, every line ended by `lineEnd`. */
export function csvText(rows: readonly (readonly (string | number)[])[], lineEnd: '\n' | '\r\n' = '\n'): string {
  return rows.map((cells) => cells.map(csvCell).join(',') + lineEnd).join('');
}
