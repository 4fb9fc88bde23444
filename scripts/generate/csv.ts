// RFC 4180 CSV text: a field is quoted only when it contains a comma, a double
// quote, CR or LF; inner quotes are doubled. Rows end with LF.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\n';
}
