import type { CoderCoding, Dimension, ReliabilityCodings } from '../../model/study.ts';
import type { KeyIndex } from '../../model/keyIndex.ts';
import { didYouMean, hintsAgainst } from '../../problems/didYouMean.ts';
import { listOf, quoted, type Problem } from '../../problems/problem.ts';
import type { StudyFiles } from '../../load/studyFiles.ts';
import { codeColumn, readCodeCell } from './codeCell.ts';
import { readTable } from './readTable.ts';

export interface ReliabilityContext {
  /** The dataset's id, its key column and its unit, for messages. */
  readonly dataset: string;
  readonly key: string;
  readonly unit: readonly [singular: string, plural: string];
  /** The codebook dimensions that code the dataset. */
  readonly dimensions: readonly Dimension[];
  /** Every key of the dataset file; absent when it could not be read (keys are then not checked). */
  readonly keys: KeyIndex | undefined;
}

/** The column naming the coder of a row. */
export const coderColumn = 'coder';

/** Coder ids, like the ids in `coders:` of study.yaml. */
const coderId = /^[a-z][a-z0-9_-]*$/;

/**
 * Read a dataset's reliability file (`reliability:` in study.yaml): the key column, `coder`,
 * and some or all of the dataset's dimension columns; one row per unit and coder. Cells are
 * read like the dataset's own (codecell.ts), and an empty cell is a missing value. Every
 * problem is reported with its line and column: unknown columns, keys and codes (with a
 * "did you mean"), empty or malformed coder ids, and a unit coded twice by one coder.
 */
export function readReliability(
  context: ReliabilityContext,
  name: string,
  files: StudyFiles,
  problems: Problem[],
): ReliabilityCodings | undefined {
  const shown = files.shown(name);
  const table = readTable(files, name, problems);
  if (!table) return undefined;
  const { header, headerLine } = table;
  const atHeader = (field: string, message: string) => problems.push({ file: shown, line: headerLine, field, message });

  const byColumn = new Map(context.dimensions.map((dimension) => [dimension.column, dimension] as const));
  const allowed = [context.key, coderColumn, ...byColumn.keys()];
  let complete = true;
  for (const [column, role] of [
    [context.key, `the ${context.unit[0]} id`],
    [coderColumn, 'the coder id'],
  ] as const) {
    if (header.includes(column)) continue;
    complete = false;
    atHeader(
      column,
      `expected a column ${quoted(column)} (${role}); found columns ${listOf(header.map((name) => quoted(name)))}${didYouMean(
        column,
        header.filter((name) => !allowed.includes(name)),
      )}`,
    );
  }
  for (const column of new Set(header)) {
    if (allowed.includes(column) || column.trim() === '') continue;
    complete = false;
    atHeader(
      column,
      `expected only ${quoted(context.key)}, ${quoted(coderColumn)} and columns of dataset ${context.dataset}'s dimensions (${listOf([
        ...byColumn.keys(),
      ])}); found ${quoted(column)}${didYouMean(
        column,
        allowed.filter((name) => !header.includes(name)),
      )}`,
    );
  }
  const given = context.dimensions.filter((dimension) => header.includes(dimension.column));
  if (complete && given.length === 0)
    atHeader(
      coderColumn,
      `expected at least one column of dataset ${context.dataset}'s dimensions (${listOf([...byColumn.keys()])}); found none`,
    );
  if (!complete || given.length === 0) return undefined;

  const keyIndex = header.indexOf(context.key);
  const coderIndex = header.indexOf(coderColumn);
  const columns = given.map((dimension) => ({ ...codeColumn(dimension), index: header.indexOf(dimension.column) }));
  const at = (line: number, field: string, message: string) => problems.push({ file: shown, line, field, message });
  const rowLines = new Map<string, number>();
  const keyHint = hintsAgainst(context.keys ?? []);
  const coders = new Set<string>();
  const codings: CoderCoding[] = [];
  for (const { line, cells } of table.rows) {
    let valid = true;
    const key = cells[keyIndex]!.trim();
    const coder = cells[coderIndex]!.trim();
    if (key === '') {
      valid = false;
      at(line, context.key, `expected a ${context.unit[0]} id; found an empty cell`);
    } else if (context.keys && !context.keys.has(key)) {
      valid = false;
      at(line, context.key, `expected a ${context.unit[0]} id of dataset ${context.dataset}; found ${quoted(key)}${keyHint(key)}`);
    }
    if (coder === '') {
      valid = false;
      at(line, coderColumn, 'expected a coder id; found an empty cell');
    } else if (!coderId.test(coder)) {
      valid = false;
      at(
        line,
        coderColumn,
        `expected a coder id of lower-case letters, digits, "_" or "-", starting with a letter; found ${quoted(coder)}`,
      );
    }
    if (key !== '' && coder !== '') {
      // JSON keeps the pair apart whatever characters the key holds.
      const pair = JSON.stringify([key, coder]);
      const earlier = rowLines.get(pair);
      if (earlier !== undefined) {
        valid = false;
        at(
          line,
          context.key,
          `expected one row per ${context.unit[0]} and coder; found ${context.unit[0]} ${quoted(key)} and coder ${quoted(coder)} again, already on line ${earlier}`,
        );
      } else rowLines.set(pair, line);
    }
    const codes: Record<string, readonly string[]> = {};
    for (const column of columns) {
      const read = readCodeCell(cells[column.index]!, column, (message) => at(line, column.dimension.column, message));
      if (read === undefined) valid = false;
      else codes[column.dimension.id] = read;
    }
    if (!valid) continue;
    coders.add(coder);
    codings.push({ unit: key, coder, codes });
  }
  return {
    origin: { file: shown },
    coders: [...coders],
    dimensions: given.map((dimension) => dimension.id),
    codings,
  };
}
