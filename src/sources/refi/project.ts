/**
 * A REFI-QDA project (a `.qdpx` project or a `.qdc` codebook) as read, before any mapping to
 * a study package. It keeps what the exchange standard says and nothing of qualpress: names,
 * GUIDs and the code tree as the vendor wrote them, selections with offsets already turned
 * into Unicode code points of the source's plain text, so every consumer slices text the
 * same way. `import/` maps it to study.yaml, codebook.yaml and CSV files.
 */

/** How the project counted selection offsets, reported to the user by the import. */
export type OffsetUnit =
  /** What the standard says: Unicode code points. */
  | 'code-points'
  /** What NVivo writes: UTF-16 code units (an emoji counts 2), the byte-order mark not counted. */
  | 'utf16-code-units';

export interface RefiUser {
  /** Lower-case, without braces, as every GUID in this model. */
  readonly guid: string;
  readonly name: string;
}

export interface RefiCode {
  readonly guid: string;
  /** As written, so an ATLAS.ti 8 name `Coke::diet Coke` is kept whole; import turns `::` into nesting. */
  readonly name: string;
  /** `Description` text, trimmed; undefined when absent or blank. */
  readonly description: string | undefined;
  /** False for a code that only groups others; true when the vendor left the attribute out. */
  readonly isCodable: boolean;
  readonly children: readonly RefiCode[];
}

/** Where an element is, for problems: the entry inside the zip and the XML line and column. */
export interface RefiPlace {
  /** `project.qde` or `Trial.qde`, as named in the zip; the `.qdc` file's own name for a codebook. */
  readonly entry: string;
  readonly line: number;
  readonly column: number;
}

export interface RefiCoding {
  readonly guid: string;
  readonly codeGuid: string;
  /** The coder: `Coding@creatingUser`, else the selection's `creatingUser`; undefined when neither is given. */
  readonly coderGuid: string | undefined;
}

/**
 * One `PlainTextSelection`, with its offsets converted to code points of `RefiTextSource.text`
 * (kept as written when the text is missing). Selections are as written: NVivo repeats a span
 * once per coding, ATLAS.ti puts several codings in one. A `Coding` written directly in a
 * `TextSource` becomes a selection of the whole text with the coding's GUID.
 */
export interface RefiSelection {
  readonly guid: string;
  readonly start: number;
  readonly end: number;
  readonly codings: readonly RefiCoding[];
  readonly place: RefiPlace;
}

export interface RefiTextSource {
  readonly guid: string;
  readonly name: string;
  /**
   * The plain text (byte-order mark removed, line ends as written); undefined when the
   * source's file is missing from the zip (its codings are imported with empty text, and
   * the reader returns one warning for it).
   */
  readonly text: string | undefined;
  readonly selections: readonly RefiSelection[];
}

/** A case variable as declared in the project (`Variable`). */
export interface RefiVariable {
  readonly guid: string;
  readonly name: string;
  /** `Text`, `Boolean`, `Integer`, `Float`, `Date`, `DateTime`. */
  readonly type: string;
}

export interface RefiCase {
  readonly guid: string;
  readonly name: string;
  /** Text sources the case references (`SourceRef`); references to skipped media sources are left out. */
  readonly sourceGuids: readonly string[];
  /** Text selections the case references (`SelectionRef`); those in skipped media sources are left out. */
  readonly selectionGuids: readonly string[];
  /** Variable GUID -> value as written. */
  readonly values: Readonly<Record<string, string>>;
}

export interface RefiProject {
  /** `Project@name`; a `.qdc` has none. */
  readonly name: string | undefined;
  /** `Project@origin`, the software that wrote it ("NVivo 14", "ATLAS.ti 23"). */
  readonly origin: string | undefined;
  /** `Project@modifiedDateTime`, else `creationDateTime`, as written (ISO 8601). */
  readonly modified: string | undefined;
  readonly offsets: OffsetUnit;
  /** Without ATLAS.ti's own pseudo-user. */
  readonly users: readonly RefiUser[];
  /** The top-level codes, each with its subtree, in document order. */
  readonly codes: readonly RefiCode[];
  readonly sources: readonly RefiTextSource[];
  /** PDF, picture, audio and video sources, counted and not imported. */
  readonly skipped: Readonly<Record<'pdf' | 'picture' | 'audio' | 'video', number>>;
  readonly variables: readonly RefiVariable[];
  readonly cases: readonly RefiCase[];
  /** Warnings for the user, one line each (a source file missing from the zip). */
  readonly warnings: readonly string[];
}
