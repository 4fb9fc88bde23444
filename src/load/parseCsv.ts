import { parse, CsvError } from 'csv-parse/sync';
import { quoted, type Problem } from './problems.ts';

export interface CsvRow {
  /** 1-based line where the record starts (a quoted field may span lines). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export interface CsvResult {
  /** Absent when the file could not be read as a table at all. */
  readonly table?: CsvTable;
  readonly problems: readonly Problem[];
}

/**
 * Parse RFC 4180 CSV with a header row. Line ends are normalised first so that a file
 * mixing CRLF and LF is read as the researcher sees it in an editor, not as one long row.
 * Rows whose field count differs from the header are reported and left out of the table.
 */
export function parseCsv(text: string, shownPath: string): CsvResult {
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const records: { cells: string[]; endLine: number }[] = [];
  try {
    parse(normalised, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      record_delimiter: '\n',
      on_record: (record, context) => {
        records.push({ cells: record, endLine: context.lines });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const lastEnd = records.at(-1)?.endLine ?? 0;
    const line = nextNonEmptyLine(normalised, lastEnd);
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'expected a closing double quote for the quoted field that starts on this line; found the end of the file'
        : `expected valid CSV; found ${error.message}`;
    return { problems: [{ file: shownPath, line, message }] };
  }

  const [headerRecord, ...body] = records;
  if (headerRecord === undefined) {
    return { problems: [{ file: shownPath, message: 'expected a header row; found only empty lines' }] };
  }
  const problems: Problem[] = [];
  const header = headerRecord.cells;
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name.trim() === '') problems.push({ file: shownPath, line: 1, message: `expected a name for column ${index + 1} in the header; found an empty name` });
    else if (seen.has(name)) problems.push({ file: shownPath, line: 1, field: name, message: `expected each column name once in the header; found ${quoted(name)} twice` });
    seen.add(name);
  });

  const rows: CsvRow[] = [];
  for (const record of body) {
    const line = record.endLine - newlinesIn(record.cells);
    if (record.cells.length !== header.length) {
      problems.push({
        file: shownPath,
        line,
        message: `expected ${header.length} fields as in the header; found ${record.cells.length}`,
      });
      continue;
    }
    rows.push({ line, cells: record.cells });
  }
  return { table: { header, rows }, problems };
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (!cell.includes('\n')) continue;
    for (const char of cell) if (char === '\n') count++;
  }
  return count;
}

function nextNonEmptyLine(text: string, afterLine: number): number {
  const lines = text.split('\n');
  for (let index = afterLine; index < lines.length; index++) if (lines[index]!.trim() !== '') return index + 1;
  return afterLine + 1;
}
