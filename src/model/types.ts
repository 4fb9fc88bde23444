import type { DatasetConfig, StudyConfig } from '../schemas/study.ts';

/**
 * The typed study model: what the loaders produce once per build and the analysis reads.
 * Everything is readonly; nothing downstream may change what was read.
 */
export interface Study {
  readonly config: StudyConfig;
  readonly dimensions: readonly Dimension[];
  readonly participants: readonly Participant[];
  readonly datasets: readonly Dataset[];
  /** SHA-256 of every data file read, so a page can say exactly which data it shows. */
  readonly fingerprint: string;
}

export interface Code {
  readonly id: string;
  readonly label: string;
  readonly definition?: string;
  readonly example?: string;
  readonly parent?: string;
  /** 0 for a top-level code, 1 for its children, and so on. */
  readonly depth: number;
}

export interface Dimension {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly dataset: string;
  readonly column: string;
  readonly multiple: boolean;
  readonly count: 'units' | 'participants';
  /** In codebook order, which is the order of charts and tables. */
  readonly codes: readonly Code[];
}

export interface Participant {
  readonly id: string;
  /** Attribute column -> value, for the attributes declared in study.yaml. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Unit {
  /** Line in the CSV file, kept so that later checks can still point at the source. */
  readonly line: number;
  readonly key: string;
  readonly participant: string;
  /** Calendar day (YYYY-MM-DD) when the dataset has a date column. */
  readonly day: string | undefined;
  /** Dimension id -> codes in the cell; an empty list means "not coded on this dimension". */
  readonly codes: Readonly<Record<string, readonly string[]>>;
  /** Only present when study.yaml marks the text column publishable. */
  readonly text: string | undefined;
}

export interface ExcludedRow {
  readonly line: number;
  readonly key: string;
  readonly reason: string;
}

export interface Dataset {
  readonly id: string;
  readonly label: string;
  readonly unit: readonly [singular: string, plural: string];
  /** The file as shown to the user (`data/posts.csv`). */
  readonly file: string;
  readonly config: DatasetConfig;
  /** Data rows read from the file (header excluded); always units + excluded. */
  readonly rowsRead: number;
  readonly units: readonly Unit[];
  readonly excluded: readonly ExcludedRow[];
}
