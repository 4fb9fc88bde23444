import type { Dimension } from '../../model/study.ts';
import { didYouMean } from '../../problems/didYouMean.ts';
import { listOf, quoted } from '../../problems/problem.ts';

/** A dimension's column as its cells are read: the codes it may hold, looked up once per file. */
export interface CodeColumn {
  readonly dimension: Dimension;
  readonly known: ReadonlySet<string>;
  readonly knownList: string;
  /** One shared list per code: a million single-code cells need no million arrays. */
  readonly single: ReadonlyMap<string, readonly string[]>;
}

const notCoded: readonly string[] = Object.freeze([]);

/** A code cell longer than this is not a list of codes (a pasted text, a broken export). */
const longestCodeCell = 1000;

export function codeColumn(dimension: Dimension): CodeColumn {
  return {
    dimension,
    known: new Set(dimension.codes.map((code) => code.id)),
    knownList: listOf(dimension.codes.map((code) => code.id)),
    single: new Map(dimension.codes.map((code) => [code.id, Object.freeze([code.id])] as const)),
  };
}

/**
 * The codes written in one cell of a dimension's column: an empty list for an empty cell,
 * or undefined when the cell has problems, each reported through `report` as "expected …;
 * found …" (unknown codes with a "did you mean", several codes in a single-code dimension,
 * a code twice). The dataset files and the reliability files read cells the same way.
 */
export function readCodeCell(written: string, column: CodeColumn, report: (message: string) => void): readonly string[] | undefined {
  const { dimension, known, knownList, single } = column;
  const cell = written.trim();
  if (cell === '') return notCoded;
  const shared = single.get(cell);
  if (shared) return shared;
  if (cell.length > longestCodeCell) {
    report(
      `expected codes of dimension ${dimension.id} (at most ${longestCodeCell} characters in a cell); found a cell of ${cell.length} characters`,
    );
    return undefined;
  }
  if (!dimension.multiple && cell.includes(';')) {
    report(`expected one code (dimension ${dimension.id} is not multiple: true); found ${quoted(cell)}`);
    return undefined;
  }
  const codes = dimension.multiple
    ? cell
        .split(';')
        .map((code) => code.trim())
        .filter((code) => code !== '')
    : [cell];
  let valid = true;
  // Each unknown code once per cell, however often it is repeated in it; the hint next to the code it corrects.
  for (const code of new Set(codes)) {
    if (known.has(code)) continue;
    valid = false;
    report(`expected a code of dimension ${dimension.id} (${knownList}); found ${quoted(code)}${didYouMean(code, known)}`);
  }
  if (new Set(codes).size !== codes.length) {
    valid = false;
    report(`expected each code once in a cell; found ${quoted(cell)}`);
  }
  return valid ? codes : undefined;
}
