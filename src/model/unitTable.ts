import type { Unit, UnitSpan } from './study.ts';
import { KeyIndex } from './keyIndex.ts';
import { TextColumn } from './textColumn.ts';

/** Dimension id -> codes given; an empty list means "not coded on this dimension". */
export type UnitCodes = Readonly<Record<string, readonly string[]>>;

/**
 * A dataset's units, held as columns: one typed array per field, indexed by row (the unit's
 * place among the dataset's units, in file order).
 *
 * Analysis reads the columns: participants, days and combinations of codes are small
 * integers into short lists, so a pass over ten million units is a pass over a few typed
 * arrays. Ids and texts are kept as bytes and made into strings when asked for. A unit
 * as one object (`at`, iteration) is made on demand, for the few places that want one.
 * Held as ten million objects instead, the units made the 10M-row study's data stage
 * 14 to 17 times the 1M one's, as every full garbage collection walked them all.
 */
export interface UnitTable extends Iterable<Unit> {
  readonly length: number;
  /** The unit at a row, made when asked for; a negative row counts from the end. */
  at(row: number): Unit;
  /** Every unit as an object: for small tables (tests, a few hundred units), not for a corpus. */
  toArray(): Unit[];
  /** Each unit's participant, as an index into `participants`. */
  readonly participantOf: Int32Array;
  /** Participant ids, in order of their first unit. */
  readonly participants: readonly string[];
  /** Each unit's day, as an index into `days`, or -1 when the unit has none. */
  readonly dayOf: Int32Array;
  /** Calendar days (YYYY-MM-DD), in order of their first unit. */
  readonly days: readonly string[];
  /** Each unit's codes, as an index into `codeSets`. */
  readonly codeSetOf: Int32Array;
  /** The combinations of codes units carry, each once: a study has hundreds, not millions. */
  readonly codeSets: readonly UnitCodes[];
  key(row: number): string;
  /** The line of the source file the unit was read from. */
  line(row: number): number;
  /** Only present when the dataset's text is publishable. */
  text(row: number): string | undefined;
  /** Whether the unit has publishable text that is not blank, without reading it. */
  hasText(row: number): boolean;
  span(row: number): UnitSpan | undefined;
  /**
   * The row of the unit with this id, or undefined when there is none. An id written twice is
   * a problem that stops the build before any analysis, so this is the first unit's row.
   */
  rowOf(key: string): number | undefined;
}

/** A unit's text: absent, written but blank, or with something to show. */
const TextState = { None: 0, Blank: 1, Shown: 2 } as const;

/**
 * Collects a dataset's units one row at a time, in file order, into a `UnitTable`. Ids are
 * entries of a `KeyIndex` the reader fills with every id of the file, valid row or not.
 */
export class UnitTableBuilder {
  private readonly file: string;
  private readonly keys: KeyIndex;
  private count = 0;
  private keyEntryOf = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private participantOf = new Int32Array(1024);
  private dayOf = new Int32Array(1024);
  private codeSetOf = new Int32Array(1024);
  private textStates = new Uint8Array(1024);
  private readonly texts = new TextColumn();
  private spans: (UnitSpan | undefined)[] | undefined;
  private readonly participantIndex = new Map<string, number>();
  private readonly dayIndex = new Map<string, number>();
  private readonly codeSetIndex = new Map<UnitCodes, number>();
  private readonly participants: string[] = [];
  private readonly days: string[] = [];
  private readonly codeSets: UnitCodes[] = [];

  constructor(file: string, keys: KeyIndex) {
    this.file = file;
    this.keys = keys;
  }

  /**
   * Add a unit. Units coded alike should share one `codes` record: records are told apart by
   * identity, so a new record for every unit would make the table hold one per unit.
   */
  add(
    line: number,
    keyEntry: number,
    participant: string,
    day: string | undefined,
    codes: UnitCodes,
    text: string | undefined,
    span?: UnitSpan,
  ): void {
    if (this.count === this.lines.length) this.grow();
    const row = this.count++;
    this.keyEntryOf[row] = keyEntry;
    this.lines[row] = line;
    this.participantOf[row] = indexIn(this.participantIndex, this.participants, participant);
    this.dayOf[row] = day === undefined ? -1 : indexIn(this.dayIndex, this.days, day);
    this.codeSetOf[row] = indexIn(this.codeSetIndex, this.codeSets, codes);
    this.textStates[row] = text === undefined ? TextState.None : isBlank(text) ? TextState.Blank : TextState.Shown;
    // One text per row, '' standing in for none, so a unit's text is at its own row.
    if (text !== undefined || this.texts.length > 0) this.pushText(row, text ?? '');
    if (span !== undefined || this.spans) (this.spans ??= new Array<UnitSpan | undefined>(row)).push(span);
  }

  build(): UnitTable {
    const used = this.count;
    const rowOfEntry = new Int32Array(this.keys.size).fill(-1);
    for (let row = used - 1; row >= 0; row--) rowOfEntry[this.keyEntryOf[row]!] = row;
    return new ColumnarUnitTable({
      file: this.file,
      keys: this.keys,
      length: used,
      keyEntryOf: this.keyEntryOf.subarray(0, used),
      rowOfEntry,
      lines: this.lines.subarray(0, used),
      participantOf: this.participantOf.subarray(0, used),
      participants: this.participants,
      dayOf: this.dayOf.subarray(0, used),
      days: this.days,
      codeSetOf: this.codeSetOf.subarray(0, used),
      codeSets: this.codeSets,
      textStates: this.textStates.subarray(0, used),
      texts: this.texts.length > 0 ? this.texts : undefined,
      spans: this.spans,
    });
  }

  private pushText(row: number, text: string): void {
    // Rows before the first text had none: they get '' so that rows and texts stay aligned.
    while (this.texts.length < row) this.texts.push('');
    this.texts.push(text);
  }

  private grow(): void {
    const size = this.lines.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.keyEntryOf = grown(this.keyEntryOf, new Int32Array(size));
    this.lines = grown(this.lines, new Int32Array(size));
    this.participantOf = grown(this.participantOf, new Int32Array(size));
    this.dayOf = grown(this.dayOf, new Int32Array(size));
    this.codeSetOf = grown(this.codeSetOf, new Int32Array(size));
    this.textStates = grown(this.textStates, new Uint8Array(size));
  }
}

/**
 * A table of units given as objects (a test's few units, a source that makes units one by
 * one). The units must all come from one file, in order.
 */
export function unitTableOf(units: readonly Unit[]): UnitTable {
  const file = units[0]?.origin.file ?? '';
  const keys = new KeyIndex();
  const builder = new UnitTableBuilder(file, keys);
  for (const unit of units) {
    if (unit.origin.file !== file) throw new Error(`internal: units of one table from ${file} and ${unit.origin.file}`);
    const entry = keys.add(unit.key, unit.origin.line ?? 0);
    builder.add(unit.origin.line ?? 0, entry < 0 ? -entry - 1 : entry, unit.participant, unit.day, unit.codes, unit.text, unit.span);
  }
  return builder.build();
}

/** The table's public columns, and what it keeps to give ids, lines, texts and spans back. */
interface Columns extends Pick<UnitTable, 'length' | 'participantOf' | 'participants' | 'dayOf' | 'days' | 'codeSetOf' | 'codeSets'> {
  readonly file: string;
  readonly keys: KeyIndex;
  readonly keyEntryOf: Int32Array;
  readonly rowOfEntry: Int32Array;
  readonly lines: Int32Array;
  readonly textStates: Uint8Array;
  readonly texts: TextColumn | undefined;
  readonly spans: readonly (UnitSpan | undefined)[] | undefined;
}

class ColumnarUnitTable implements UnitTable {
  readonly length: number;
  readonly participantOf: Int32Array;
  readonly participants: readonly string[];
  readonly dayOf: Int32Array;
  readonly days: readonly string[];
  readonly codeSetOf: Int32Array;
  readonly codeSets: readonly UnitCodes[];
  private readonly columns: Columns;

  constructor(columns: Columns) {
    this.columns = columns;
    this.length = columns.length;
    this.participantOf = columns.participantOf;
    this.participants = columns.participants;
    this.dayOf = columns.dayOf;
    this.days = columns.days;
    this.codeSetOf = columns.codeSetOf;
    this.codeSets = columns.codeSets;
  }

  at(row: number): Unit {
    const at = row < 0 ? this.length + row : row;
    if (!(at >= 0 && at < this.length)) throw new Error(`internal: no unit at row ${row} of ${this.length}`);
    const span = this.span(at);
    const day = this.dayOf[at]!;
    return {
      origin: { file: this.columns.file, line: this.line(at) },
      key: this.key(at),
      participant: this.participants[this.participantOf[at]!]!,
      day: day === -1 ? undefined : this.days[day],
      codes: this.codeSets[this.codeSetOf[at]!]!,
      text: this.text(at),
      ...(span ? { span } : {}),
    };
  }

  toArray(): Unit[] {
    return [...this];
  }

  *[Symbol.iterator](): Generator<Unit> {
    for (let row = 0; row < this.length; row++) yield this.at(row);
  }

  key(row: number): string {
    return this.columns.keys.key(this.columns.keyEntryOf[row]!);
  }

  line(row: number): number {
    return this.columns.lines[row]!;
  }

  text(row: number): string | undefined {
    return this.columns.textStates[row] === TextState.None ? undefined : this.columns.texts!.at(row);
  }

  hasText(row: number): boolean {
    return this.columns.textStates[row] === TextState.Shown;
  }

  span(row: number): UnitSpan | undefined {
    return this.columns.spans?.[row];
  }

  rowOf(key: string): number | undefined {
    const entry = this.columns.keys.entryOf(key);
    const row = entry === undefined ? -1 : this.columns.rowOfEntry[entry]!;
    return row === -1 ? undefined : row;
  }
}

function indexIn<T>(index: Map<T, number>, list: T[], value: T): number {
  let at = index.get(value);
  if (at === undefined) {
    at = list.length;
    list.push(value);
    index.set(value, at);
  }
  return at;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}
