import type { DatasetConfig, StudyConfig } from '../../schemas/study.ts';
import type { Dataset, DatasetOutline, Dimension, ExcludedRecord, FieldOrigin, PublishedText, UnitSpan } from '../../model/study.ts';
import { KeyIndex } from '../../model/keyIndex.ts';
import { UnitTableBuilder, type UnitCodes, type UnitTable } from '../../model/unitTable.ts';
import { codeColumn, readCodeCell } from './codeCell.ts';
import { readSpan } from './readSpan.ts';
import { checkHeader, type ExpectedColumn } from './checkHeader.ts';
import { hintsAgainst } from '../../problems/didYouMean.ts';
import { readTable } from './readTable.ts';
import type { PublishedTexts } from './publishedTexts.ts';
import { openCsvStream, type CsvStream } from './streamCsv.ts';
import { WholeFileNeeded } from '../../load/readText.ts';
import { dayOf } from './parseDate.ts';
import { hasLineProblems, quoted, type Problem } from '../../problems/problem.ts';
import type { StudyFiles } from '../../load/studyFiles.ts';
import type { Progress } from '../../timing/progress.ts';
import { formatCount } from '../../format/format.ts';

export interface DatasetContext {
  readonly outline: DatasetOutline;
  readonly config: DatasetConfig;
  readonly study: StudyConfig;
  /** The codebook dimensions that code this dataset. */
  readonly dimensions: readonly Dimension[];
  /** Absent when participants.csv could not be read, so its ids are not checked twice over. */
  readonly participantIds: ReadonlySet<string> | undefined;
  /** Every text the site would publish, collected for the privacy checks. */
  readonly texts: PublishedTexts;
  /** Source id -> length, from the spans' lengths file; absent when it could not be read (offsets are then not checked against it). */
  readonly sourceLengths?: ReadonlyMap<string, number>;
  /**
   * Filled with every key written in the file, valid row or not, and the line it is first on,
   * so that other files can be checked against them (one map serves both, for a million keys).
   */
  readonly keysRead?: KeyIndex;
  /** Told how many rows have been read, now and then, for a big file. */
  readonly progress?: Progress;
}

/**
 * Read one coded dataset, checking every row against study.yaml, the codebook and
 * participants.csv. The file is read in pieces and each row checked as it is parsed, so a
 * dataset of millions of rows is never held as one text or as a table of cells. A file with
 * a problem only a whole reading places exactly (not UTF-8, a quote left open) is read
 * again whole, forgetting what the pieces gave, so its problems are those parseCsv reports.
 */
export function readDataset(context: DatasetContext, files: StudyFiles, problems: Problem[]): Dataset | undefined {
  const streamed = files.stream(context.config.file);
  if (!streamed.ok) {
    problems.push(streamed.problem);
    return undefined;
  }
  const before = { problems: problems.length, texts: context.texts.length };
  try {
    const shown = files.shown(context.config.file);
    const table = openCsvStream(streamed.chunks, shown, problems);
    return table && readRows(context, table, files, problems);
  } catch (error) {
    if (!(error instanceof WholeFileNeeded)) throw error;
    streamed.discard();
    problems.length = before.problems;
    context.texts.length = before.texts;
    context.keysRead?.clear();
  }
  const table = readTable(files, context.config.file, problems);
  return table && readRows(context, table, files, problems);
}

/** Cells of several codes kept per code column by their text, so that one written again is not read again. */
const cellsKeptPerColumn = 4096;
/** Combinations of codes kept for sharing: far more than a study has, few enough to bound the memory of one that has no two alike. */
const combinationsKept = 65_536;

function readRows(context: DatasetContext, table: CsvStream, files: StudyFiles, problems: Problem[]): Dataset | undefined {
  const { outline, config, study, dimensions, participantIds, texts } = context;
  // A participant id missing from the participants file is often on many rows: looked up once.
  const participantHint = hintsAgainst(participantIds ?? []);
  const id = outline.id;
  const shown = files.shown(config.file);

  const expected: ExpectedColumn[] = [
    { column: config.key, role: `the ${config.unit[0]} id` },
    { column: config.participant, role: 'the participant id' },
    ...(config.date ? [{ column: config.date, role: 'the date' }] : []),
    ...(config.text ? [{ column: config.text.column, role: 'the text' }] : []),
    ...(config.exclude ? [{ column: config.exclude, role: 'the reason for excluding a row' }] : []),
    ...dimensions.map((dimension) => ({ column: dimension.column, role: `codes of dimension ${dimension.id}` })),
    ...config.columns.map((column) => ({ column, role: `listed under datasets.${id}.columns` })),
    ...(config.spans
      ? [
          { column: config.spans.source, role: 'the source document (spans.source)' },
          { column: config.spans.start, role: 'the first character (spans.start)' },
          { column: config.spans.end, role: 'one past the last character (spans.end)' },
        ]
      : []),
  ];
  const columns = checkHeader(
    table,
    expected,
    shown,
    problems,
    `list it under datasets.${id}.columns in study.yaml to keep it out of the analysis`,
  );
  if (!columns) {
    // Read on, so that every row the CSV reader cannot read is still reported in this run.
    const rest = table.rows[Symbol.iterator]();
    while (!rest.next().done);
    return undefined;
  }

  const at = (line: number, field: string, message: string) => problems.push({ file: shown, line, field, message });
  const keyIndex = columns.get(config.key)!;
  const participantIndex = columns.get(config.participant)!;
  const dateIndex = config.date ? columns.get(config.date)! : undefined;
  const textIndex = config.text && config.text.publish !== 'none' ? columns.get(config.text.column)! : undefined;
  const excludeIndex = config.exclude ? columns.get(config.exclude)! : undefined;
  const codeColumns = dimensions.map((dimension) => ({ ...codeColumn(dimension), index: columns.get(dimension.column)! }));
  const spans = config.spans && {
    source: { column: config.spans.source, index: columns.get(config.spans.source)! },
    start: { column: config.spans.start, index: columns.get(config.spans.start)! },
    end: { column: config.spans.end, index: columns.get(config.spans.end)! },
    lengths: context.sourceLengths,
    lengthsFile: files.shown(config.spans.lengths),
  };

  const keys = context.keysRead ?? new KeyIndex();
  const units = new UnitTableBuilder(shown, keys);
  const RowText = rowTexts(shown);
  const dataText = config.text && { field: config.text.column, what: `published text (text.publish: ${config.text.publish})` };
  // Units coded alike share one record of codes (the unit table tells records apart by
  // identity): a study has hundreds or thousands of combinations of codes, not a million.
  // A combination is made of shared lists: readCodeCell gives one frozen list per code and
  // for an empty cell, and a cell of several codes read once is kept by its text, so the next
  // cell written the same way is neither read again nor a new list. A combination is found by
  // a hash of its lists' numbers, then checked list by list, so two combinations never share
  // a record. Both stores are bounded: past them, a unit gets a record of its own, which is
  // what a study whose every unit is coded differently costs anyway.
  const cellLists = codeColumns.map(() => new Map<string, readonly string[]>());
  const listNumbers = new Map<readonly string[], number>();
  // Most hashes name one combination; the few that name more hold a list of them.
  const combinations = new Map<number, UnitCodes | UnitCodes[]>();
  const cellCodes: (readonly string[] | undefined)[] = codeColumns.map(() => undefined);
  const readCodes = (index: number): readonly string[] | undefined => {
    const cell = rowCells[codeColumns[index]!.index]!;
    // A single-code dimension's lists are shared by readCodeCell already.
    if (!codeColumns[index]!.dimension.multiple) return readCodeCell(cell, codeColumns[index]!, reporters[index]!);
    const kept = cellLists[index]!.get(cell);
    if (kept) return kept;
    const codes = readCodeCell(cell, codeColumns[index]!, reporters[index]!);
    if (codes && !Object.isFrozen(codes) && cellLists[index]!.size < cellsKeptPerColumn) cellLists[index]!.set(cell, Object.freeze(codes));
    return codes;
  };
  const isThisRow = (codes: UnitCodes): boolean => {
    for (let index = 0; index < codeColumns.length; index++) if (codes[codeColumns[index]!.dimension.id] !== cellCodes[index]) return false;
    return true;
  };
  const recordOfRow = (): UnitCodes => {
    const codes: Record<string, readonly string[]> = {};
    codeColumns.forEach((column, index) => (codes[column.dimension.id] = cellCodes[index]!));
    return codes;
  };
  const sharedCodes = (): UnitCodes => {
    let hash = 0;
    for (let index = 0; index < cellCodes.length; index++) {
      const list = cellCodes[index]!;
      if (!Object.isFrozen(list)) return recordOfRow();
      let number = listNumbers.get(list);
      if (number === undefined) listNumbers.set(list, (number = listNumbers.size));
      hash = (Math.imul(hash, 0x9e3779b1) + number) | 0;
    }
    const met = combinations.get(hash);
    const found = Array.isArray(met) ? met.find(isThisRow) : met && isThisRow(met) ? met : undefined;
    if (found) return found;
    const codes = recordOfRow();
    if (combinations.size < combinationsKept)
      combinations.set(hash, met === undefined ? codes : Array.isArray(met) ? [...met, codes] : [met, codes]);
    return codes;
  };
  // One reporter per code column, for the row being read: no closures made per row.
  let currentLine = 0;
  const reporters = codeColumns.map((column) => (message: string) => at(currentLine, column.dimension.column, message));
  const excluded: ExcludedRecord[] = [];
  let rowsRead = 0;
  // The row being read, for readCodes.
  let rowCells: readonly string[] = [];
  for (const { line, cells } of table.rows) {
    rowsRead++;
    rowCells = cells;
    if ((rowsRead & 0xffff) === 0) context.progress?.(`Reading ${shown}: ${formatCount(rowsRead)} rows`);
    const key = cells[keyIndex]!.trim();
    let keyEntry = -1;
    if (key === '') at(line, config.key, `expected a ${config.unit[0]} id; found an empty cell`);
    else {
      keyEntry = keys.add(key, line);
      if (keyEntry < 0) {
        keyEntry = -keyEntry - 1;
        at(line, config.key, `expected a unique ${config.unit[0]} id; found ${quoted(key)}, already on line ${keys.lineOf(keyEntry)}`);
      }
    }

    const reason = excludeIndex === undefined ? '' : cells[excludeIndex]!.trim();
    if (reason !== '') {
      // Reasons are published with the counts they explain.
      texts.push({
        text: reason,
        origin: { file: shown, line, field: config.exclude! },
        what: 'a reason for excluding a row',
        names: true,
      });
      excluded.push({ origin: { file: shown, line }, key, reason });
      continue;
    }

    // Publishable text reaches the site as exemplars, from valid and invalid rows alike, so
    // that one run reports every problem.

    let valid = true;
    const participant = cells[participantIndex]!.trim();
    if (participantIds && !participantIds.has(participant)) {
      valid = false;
      const found = participant === '' ? 'an empty cell' : `${quoted(participant)}${participantHint(participant)}`;
      at(line, config.participant, `expected a participant id from ${study.participants.file}; found ${found}`);
    }

    let day: string | undefined;
    if (dateIndex !== undefined) {
      const written = cells[dateIndex]!.trim();
      day = dayOf(written);
      if (day === undefined) {
        valid = false;
        at(
          line,
          config.date!,
          `expected an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS); found ${written === '' ? 'an empty cell' : quoted(written)}`,
        );
      } else if (study.period && (day < study.period.start || day > study.period.end)) {
        valid = false;
        at(
          line,
          config.date!,
          `expected a date within the study period ${study.period.start} to ${study.period.end}; found ${quoted(written)}`,
        );
      }
    }

    currentLine = line;
    for (let index = 0; index < codeColumns.length; index++) {
      cellCodes[index] = readCodes(index);
      if (cellCodes[index] === undefined) valid = false;
    }

    let span: UnitSpan | undefined;
    if (spans) {
      span = readSpan(cells, spans, (field, message) => at(line, field, message));
      if (span === undefined) valid = false;
    }

    if (!valid || key === '') {
      // Publishable text reaches the site as exemplars, from valid and invalid rows alike, so
      // that one run reports every problem: a valid row's text is checked from its unit.
      if (textIndex !== undefined && dataText && cells[textIndex] !== '') texts.push(new RowText(cells[textIndex]!, line, dataText));
      continue;
    }
    // The text is copied into the table's own storage, so the piece of the file it was parsed from is not kept alive.
    units.add(line, keyEntry, participant, day, sharedCodes(), textIndex === undefined ? undefined : cells[textIndex], span);
  }

  const analysed = units.build();
  if (textIndex !== undefined && dataText) texts.push(unitTexts(analysed, RowText, dataText));
  if (rowsRead === 0) {
    // Rows that could not be read at all are reported at their lines: then the file is not "only the header".
    if (!hasLineProblems(problems, shown))
      problems.push({ file: shown, message: `expected at least one ${config.unit[0]}; found only the header` });
    return undefined;
  }
  return {
    ...outline,
    rowsRead,
    units: analysed,
    excluded,
  };
}

/** The units' texts as the privacy checks read them, made one by one as they are read. */
function* unitTexts(
  units: UnitTable,
  RowText: ReturnType<typeof rowTexts>,
  column: { readonly field: string; readonly what: string },
): Generator<PublishedText> {
  for (let row = 0; row < units.length; row++) {
    const text = units.text(row);
    if (text !== undefined && text !== '') yield new RowText(text, units.line(row), column);
  }
}

/** A row's publishable text as the privacy checks read it; its origin too is made when asked for. */
function rowTexts(file: string) {
  return class RowText implements PublishedText {
    readonly text: string;
    readonly line: number;
    readonly column: { readonly field: string; readonly what: string };
    constructor(text: string, line: number, column: { readonly field: string; readonly what: string }) {
      this.text = text;
      this.line = line;
      this.column = column;
    }
    get origin(): FieldOrigin {
      return { file, line: this.line, field: this.column.field };
    }
    get what(): string {
      return this.column.what;
    }
    get names(): boolean {
      return true;
    }
  };
}
