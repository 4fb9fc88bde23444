import type { UnitSpan } from '../../model/study.ts';
import { didYouMean } from '../../problems/didYouMean.ts';
import { listOf, quoted } from '../../problems/problem.ts';
import { formatCount } from '../../format/format.ts';

/** Where a dataset's spans are: its three columns, and the source lengths they must fit. */
export interface SpanColumns {
  readonly source: { readonly column: string; readonly index: number };
  readonly start: { readonly column: string; readonly index: number };
  readonly end: { readonly column: string; readonly index: number };
  /** Source id -> length; absent when the lengths file could not be read (its problems are reported). */
  readonly lengths: ReadonlyMap<string, number> | undefined;
  /** The lengths file as a user sees it, for messages. */
  readonly lengthsFile: string;
}

/** A character offset as written: a whole number from 0, no sign, no decimals. */
const offset = /^\d+$/;

/**
 * A unit's span from its row: a source listed in the lengths file, and offsets that are
 * whole numbers with start ≤ end ≤ the source's length. Undefined when any is wrong, each
 * problem reported at its column.
 */
export function readSpan(
  cells: readonly string[],
  columns: SpanColumns,
  report: (field: string, message: string) => void,
): UnitSpan | undefined {
  const source = cells[columns.source.index]!.trim();
  const startText = cells[columns.start.index]!.trim();
  const endText = cells[columns.end.index]!.trim();
  let valid = true;
  const length = columns.lengths?.get(source);
  if (source === '') {
    valid = false;
    report(columns.source.column, `expected a source id from ${columns.lengthsFile}; found an empty cell`);
  } else if (columns.lengths && length === undefined) {
    valid = false;
    const known = [...columns.lengths.keys()];
    report(
      columns.source.column,
      `expected a source id from ${columns.lengthsFile} (${listOf(known)}); found ${quoted(source)}${didYouMean(source, known)}`,
    );
  }
  const start = readOffset(startText, columns.start.column, report);
  const end = readOffset(endText, columns.end.column, report);
  if (start === undefined || end === undefined) return undefined;
  if (end < start) {
    report(columns.end.column, `expected an end at or after the start (${start}); found ${end}`);
    return undefined;
  }
  if (length !== undefined && end > length) {
    report(
      columns.end.column,
      `expected an end within source ${source} (at most ${formatCount(length)} characters, as ${columns.lengthsFile} says); found ${end}`,
    );
    return undefined;
  }
  return valid ? { source, start, end } : undefined;
}

function readOffset(written: string, field: string, report: (field: string, message: string) => void): number | undefined {
  const value = Number(written);
  if (offset.test(written) && Number.isSafeInteger(value)) return value;
  report(field, `expected a character offset (a whole number from 0); found ${written === '' ? 'an empty cell' : quoted(written)}`);
  return undefined;
}
