import type { StudyConfig } from '../schemas/study.ts';

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
export type StudyMetadata = Omit<StudyConfig, 'datasets' | 'participants'>;

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
}

export interface ExcludedRecord {
  readonly origin: Origin;
  readonly key: string;
  readonly reason: string;
}

export interface Dataset extends DatasetOutline {
  /** Records read (a CSV's data rows); always units + excluded. */
  readonly rowsRead: number;
  readonly units: readonly Unit[];
  readonly excluded: readonly ExcludedRecord[];
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
