/**
 * A spreadsheet opening a CSV runs a cell that starts with one of these as a formula;
 * a leading apostrophe keeps the text as text (OWASP's advice on CSV injection).
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field exactly as given: RFC 4180 quoting only. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV field for a download readers open in a spreadsheet: RFC 4180 quoting, and never the start of a formula. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return csvField(formulaStart.test(value) ? `'${value}` : value);
}

/** A CSV file of downloads from a header and rows, each field written by `csvCell`, every line ended by `lineEnd`. */
export function csvText(rows: readonly (readonly (string | number)[])[], lineEnd: '\n' | '\r\n' = '\n'): string {
  return rows.map((cells) => cells.map(csvCell).join(',') + lineEnd).join('');
}

/**
 * A CSV file of study data, every field verbatim (RFC 4180 quoting only). Data files are
 * records, not downloads: a transcript span must stay exactly the text between its offsets,
 * and the build reads the cells back as written.
 */
export function csvDataText(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((cells) => cells.map(csvField).join(',') + '\n').join('');
}
