import Papa from 'papaparse';
import { WholeFileNeeded } from '../../load/readText.ts';
import type { Problem } from '../../problems/problem.ts';
import { checkHeaderNames, newlinesIn, type CsvRow } from './parseCsv.ts';

/** A CSV file read as its pieces arrive: the header first, then its rows, never the whole file at once. */
export interface CsvStream {
  readonly header: readonly string[];
  readonly headerLine: number;
  /** Rows with as many fields as the header, in file order; problems with the others join the list as they are met. */
  readonly rows: Iterable<CsvRow>;
}

const papaOptions = { delimiter: ',', newline: '\n', quoteChar: '"', header: false, skipEmptyLines: false } as const;

/**
 * Complete records of text that arrives in pieces: each piece is cut at its last line end
 * outside double quotes (an even number of quotes before it), and what follows waits for
 * the next piece. Papa Parse reads each cut the way parseCsv reads a whole file. A file with
 * a quote problem (which a cut may also cause, in a file whose quotes are malformed) throws
 * WholeFileNeeded: it is read whole by parseCsv, which places such problems exactly.
 */
function* csvRecords(chunks: Iterable<string>): Generator<{ line: number; cells: string[] }> {
  let carry = '';
  let line = 1;
  const parse = function* (text: string) {
    // An empty cut is one blank line, as a whole reading sees it; Papa Parse gives no row for it.
    const rows = text === '' ? [['']] : parseRows(text);
    for (const cells of rows) {
      yield { line, cells };
      line += 1 + newlinesIn(cells);
    }
  };
  let pendingCr = false;
  for (const chunk of chunks) {
    let text: string = pendingCr ? `\r${chunk}` : chunk;
    // A CR at a piece's end may be half of a CRLF: it waits for the next piece.
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    const buffer = carry + (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
    const cut = lastRecordEnd(buffer);
    if (cut === -1) {
      carry = buffer;
      continue;
    }
    yield* parse(buffer.slice(0, cut));
    carry = buffer.slice(cut + 1);
  }
  yield* parse(pendingCr ? `${carry}\n` : carry);
}

function parseRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, papaOptions);
  if (parsed.errors.some((error) => error.type === 'Quotes')) throw new WholeFileNeeded();
  return parsed.data;
}

/** The last line end of `text` with an even number of double quotes before it, or -1. */
function lastRecordEnd(text: string): number {
  let end = text.lastIndexOf('\n');
  if (end === -1) return -1;
  let quotes = 0;
  for (let at = text.indexOf('"'); at !== -1 && at < end; at = text.indexOf('"', at + 1)) quotes++;
  while (quotes % 2 === 1) {
    const previous = text.lastIndexOf('\n', end - 1);
    if (previous === -1) return -1;
    for (let at = text.indexOf('"', previous); at !== -1 && at < end; at = text.indexOf('"', at + 1)) quotes--;
    end = previous;
  }
  return end;
}

/**
 * Open a CSV file read in pieces: undefined (with its problem) when it has no header row.
 * The same checks and messages as parseCsv: blank lines skipped, header names checked, rows
 * whose field count differs from the header's reported and left out.
 */
export function openCsvStream(chunks: Iterable<string>, shownPath: string, problems: Problem[]): CsvStream | undefined {
  const records = csvRecords(chunks)[Symbol.iterator]();
  let found: { line: number; cells: string[] } | undefined;
  for (let next = records.next(); !next.done; next = records.next()) {
    if (next.value.cells.length === 1 && next.value.cells[0]!.trim() === '') continue;
    found = next.value;
    break;
  }
  if (!found) {
    problems.push({ file: shownPath, message: 'expected a header row; found only empty lines' });
    return undefined;
  }
  const header = found.cells;
  const headerLine = found.line;
  problems.push(...checkHeaderNames(header, headerLine, shownPath));
  function* rows(): Generator<CsvRow> {
    for (let next = records.next(); !next.done; next = records.next()) {
      const { line, cells } = next.value;
      if (cells.length === 1 && cells[0]!.trim() === '') continue;
      if (cells.length !== header.length) {
        problems.push({ file: shownPath, line, message: `expected ${header.length} fields as in the header; found ${cells.length}` });
        continue;
      }
      yield { line, cells };
    }
  }
  return { header, headerLine, rows: rows() };
}
