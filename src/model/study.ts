import type { StudyConfig } from '../schemas/study.ts';
import type { UnitTable } from './unitTable.ts';

/**
 * The typed study model: what a source produces once per build and the analysis reads.
 * It knows no file format: where a record came from is an `Origin`, which a CSV source
 * fills with a file and line and another source with its own kind of place. Everything is
 * readonly; nothing downstream may change what was read.
 */

/** Where a record came from, for messages: `data/posts.csv` line 12, or an element of a project file. */
export interface Origin {
  /** The file as a user sees it from the working directory (`data/posts.csv`). */
  readonly file: string;
  /** 1-based line, or another position the source can point at; absent for the file as a whole. */
  readonly line?: number;
}

/** A place in a source with the field a value was read from, as a problem names it. */
export interface FieldOrigin extends Origin {
  readonly field: string;
}

/** What the study says about itself: title, authors, licence, period, privacy rules. */
export type StudyMetadata = Omit<StudyConfig, 'datasets' | 'participants' | 'coders'>;

export type NounPair = readonly [singular: string, plural: string];

export type TextPublishing = 'none' | 'paraphrased' | 'verbatim-consented';

export interface Code {
  readonly id: string;
  readonly label: string;
  readonly definition?: string;
  readonly example?: string;
  /** Where the example is written, since it is published and checked like data text. */
  readonly exampleOrigin?: FieldOrigin;
  readonly parent?: string;
  /** 0 for a top-level code, 1 for its children, and so on. */
  readonly depth: number;
}

export interface Dimension {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly dataset: string;
  /** The field of the dataset that holds this dimension's codes, as the source names it. */
  readonly column: string;
  readonly multiple: boolean;
  readonly count: 'units' | 'participants';
  /** In codebook order, which is the order of charts and tables. */
  readonly codes: readonly Code[];
}

export interface Attribute {
  /** The participant field that holds the attribute, as the source names it. */
  readonly column: string;
  readonly label: string;
}

/** A dataset as the study declares it, before any of its records is read. */
export interface DatasetOutline {
  readonly id: string;
  readonly label: string;
  readonly unit: NounPair;
  /** Where the records are, as a user sees it (`data/posts.csv`). */
  readonly source: string;
  /** Units carry a calendar day: counts per day and period checks apply. */
  readonly dated: boolean;
  /** How much of the units' text may reach the site. */
  readonly textPublishing: TextPublishing;
  /** Each coder's own codes are given for some or all units, for agreement between coders. */
  readonly hasReliability?: boolean;
  /** Units are character ranges of source documents (`Unit.span`), so agreement is also computed per character. */
  readonly hasSpans?: boolean;
}

/**
 * The study as declared: metadata, codebook, participants' attributes and datasets. It is
 * complete before any record is read, so chart definitions and chapters can be checked
 * against it even when the records have problems.
 */
export interface StudyOutline {
  /** Where the study is declared (`data/study.yaml`), for problems with the study as a whole. */
  readonly origin: Origin;
  /** Where a metadata field is written (`['authors', 0, 'orcid']`), for checks made after reading. */
  locate(path: readonly (string | number)[]): Origin;
  readonly metadata: StudyMetadata;
  readonly participantLabel: NounPair;
  readonly attributes: readonly Attribute[];
  readonly datasets: readonly DatasetOutline[];
  readonly dimensions: readonly Dimension[];
  /** Coder id -> the name the site shows; coders not named are shown as "Coder A", "Coder B", ... */
  readonly coders?: Readonly<Record<string, string>>;
}

export interface Participant {
  readonly id: string;
  /** Attribute column -> value, for the declared attributes only. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Unit {
  /** Kept so that later checks can still point at the record. */
  readonly origin: Origin;
  readonly key: string;
  readonly participant: string;
  /** Calendar day (YYYY-MM-DD) when the dataset is dated. */
  readonly day: string | undefined;
  /** Dimension id -> codes given; an empty list means "not coded on this dimension". */
  readonly codes: Readonly<Record<string, readonly string[]>>;
  /** Only present when the dataset's text is publishable. */
  readonly text: string | undefined;
  /** The characters of a source document the unit is, when the dataset has spans. */
  readonly span?: UnitSpan;
}

/** A unit as a range of characters of a source document. */
export interface UnitSpan {
  /** The (pseudonymous) source document. */
  readonly source: string;
  /** Offset of the first character, 0-based, in Unicode code points. */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
}

/** A source document that units are spans of, with its length. */
export interface SourceDocument {
  readonly id: string;
  /** Its length in Unicode code points. */
  readonly characters: number;
}

/**
 * Each coder's own codes for some or all of a dataset's units, kept apart from the final
 * (consensus) codes the report counts: they are only for agreement between coders.
 */
export interface ReliabilityCodings {
  /** Where they were read from, for messages and the report (`data/reliability/posts.csv`). */
  readonly origin: Origin;
  /** Coder ids in order of first appearance. */
  readonly coders: readonly string[];
  /** The dimensions given, in codebook order; dimensions absent here have no reliability data. */
  readonly dimensions: readonly string[];
  /** One per unit and coder: the codes the coder gave on each given dimension; an empty list is a missing value. */
  readonly codings: readonly CoderCoding[];
}

/** What one coder gave one unit. */
export interface CoderCoding {
  readonly unit: string;
  readonly coder: string;
  /** Dimension id -> codes; an empty list (or an absent dimension) means the coder gave no value. */
  readonly codes: Readonly<Record<string, readonly string[]>>;
}

export interface ExcludedRecord {
  readonly origin: Origin;
  readonly key: string;
  readonly reason: string;
}

export interface Dataset extends DatasetOutline {
  /** Records read (a CSV's data rows); always units + excluded. */
  readonly rowsRead: number;
  /** The units analysed, as columns (`UnitTable`): a corpus of millions is a few typed arrays. */
  readonly units: UnitTable;
  readonly excluded: readonly ExcludedRecord[];
  /** Each coder's own codes, when the study gives them for this dataset. */
  readonly reliability?: ReliabilityCodings;
  /** The source documents units are spans of, when `hasSpans`. */
  readonly sources?: readonly SourceDocument[];
}

export interface Study extends StudyOutline {
  readonly participants: readonly Participant[];
  readonly datasets: readonly Dataset[];
  /** SHA-256 of everything read, so a page can say exactly which data it shows. */
  readonly fingerprint: string;
}

/**
 * A text the site will publish, as read from the source, with where it was written. Every
 * one is checked for handles, e-mail addresses, URLs and listed names before anything is
 * built: data text, exclusion reasons, participant ids and attributes, codebook examples.
 */
export interface PublishedText {
  readonly text: string;
  readonly origin: FieldOrigin;
  /** What the text is, for the message: "a codebook example", "an attribute value". */
  readonly what: string;
  /** Names are not looked for in attribute values, which may share a word with a name ("Jordan"). */
  readonly names: boolean;
}
