import { didYouMean } from '../../problems/didYouMean.ts';
import type { CsvTable } from './parseCsv.ts';
import { listOf, quoted, type Problem } from '../../problems/problem.ts';

export interface ExpectedColumn {
  readonly column: string;
  /** Why the column is expected, for the message: "dimension theme", "the participant id". */
  readonly role: string;
}

/**
 * Compare a header with the columns study.yaml and codebook.yaml call for. Returns each
 * expected column's index, or undefined when any is missing. Unexpected columns are
 * refused: a stray column is often a typo, or identifying data that must not be published.
 */
export function checkHeader(
  { header, headerLine }: Pick<CsvTable, 'header' | 'headerLine'>,
  expected: readonly ExpectedColumn[],
  shownPath: string,
  problems: Problem[],
  howToAllow: string,
): Map<string, number> | undefined {
  const index = new Map(header.map((name, position) => [name, position] as const));
  const wanted = new Set(expected.map((entry) => entry.column));
  let complete = true;
  for (const { column, role } of expected) {
    if (index.has(column)) continue;
    complete = false;
    const unclaimed = header.filter((name) => !wanted.has(name));
    problems.push({
      file: shownPath,
      line: headerLine,
      field: column,
      message: `expected a column ${quoted(column)} (${role}); found columns ${listOf(header.map((name) => quoted(name)))}${didYouMean(column, unclaimed)}`,
    });
  }
  // Each name once: a stray column named twice is already reported as a duplicate.
  for (const name of new Set(header)) {
    if (wanted.has(name) || name.trim() === '') continue;
    problems.push({
      file: shownPath,
      line: headerLine,
      field: name,
      message: `expected only the columns named in study.yaml and codebook.yaml; found ${quoted(name)}${didYouMean(
        name,
        [...wanted].filter((column) => !index.has(column)),
      )} (${howToAllow})`,
    });
  }
  return complete ? index : undefined;
}
