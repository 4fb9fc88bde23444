import type { Author } from '../schemas/study.ts';

/**
 * Everything the site shows, computed once per build from the study model. Plain,
 * serialisable data: the rendering side never sees raw rows, and never computes figures.
 */
export interface Report {
  readonly study: StudySummary;
  readonly participants: ParticipantSummary;
  readonly datasets: readonly DatasetSummary[];
  readonly dimensions: readonly DimensionReport[];
}

export interface StudySummary {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly version: string;
  readonly date: string;
  readonly license: string;
  readonly publisher?: string;
  readonly url: string;
  readonly language: string;
  readonly authors: readonly Author[];
  readonly abstract: string;
  /** CSL-JSON items of the publication(s) the report accompanies. */
  readonly basedOn: readonly Readonly<Record<string, unknown>>[];
  readonly illustrative: boolean;
  readonly period?: { readonly start: string; readonly end: string; readonly days: number };
  readonly fingerprint: string;
  readonly minCell: number;
}

export interface ParticipantSummary {
  readonly total: number;
  readonly label: readonly [singular: string, plural: string];
  readonly attributes: readonly AttributeSummary[];
}

export interface AttributeSummary {
  readonly column: string;
  readonly label: string;
  /**
   * In order of first appearance in participants.csv. `n` is null when suppressed: under
   * privacy.min_cell, or hidden so that the total cannot give a small group away.
   */
  readonly values: readonly { readonly value: string; readonly n: number | null }[];
}

export interface DatasetSummary {
  readonly id: string;
  readonly label: string;
  readonly unit: readonly [singular: string, plural: string];
  readonly file: string;
  /** Data rows in the file; always `used` + the excluded counts. */
  readonly rowsRead: number;
  readonly used: number;
  readonly excluded: readonly { readonly reason: string; readonly n: number }[];
  /** Distinct participants among the used units. */
  readonly participants: number;
  /** Units per calendar day over the whole period (zeros included), when the dataset is dated. */
  readonly days?: readonly DayCount[];
  readonly dimensions: readonly string[];
}

export interface DayCount {
  readonly day: string;
  readonly n: number;
}

export interface CodeSummary {
  readonly id: string;
  readonly label: string;
  readonly definition?: string;
  readonly example?: string;
  readonly parent?: string;
  readonly depth: number;
  /** Units, or distinct participants, with this code or any code nested under it. */
  readonly n: number;
  /** n divided by the dimension's denominator. */
  readonly share: number;
}

/** Counts of one group (a participant, an attribute value, a day) per code. */
export interface GroupCounts {
  readonly group: string;
  /** Coded units, or coded participants, in this group: the group's denominator. */
  readonly denominator: number;
  readonly counts: Readonly<Record<string, number>>;
}

export interface DimensionReport {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly dataset: string;
  readonly column: string;
  readonly multiple: boolean;
  readonly countBy: 'units' | 'participants';
  /** Units with at least one code on this dimension. */
  readonly codedUnits: number;
  /** Units left empty on this dimension ("not coded"), which leave its denominator. */
  readonly notCodedUnits: number;
  /** Distinct participants with at least one coded unit. */
  readonly codedParticipants: number;
  /** What shares are shares of: codedUnits or codedParticipants, as the codebook says. */
  readonly denominator: number;
  /** In codebook order. */
  readonly codes: readonly CodeSummary[];
  /** Per participant, always counted in units. */
  readonly byParticipant: readonly GroupCounts[];
  /** Per value of each participant attribute, counted as the dimension says. */
  readonly byAttribute: readonly { readonly column: string; readonly label: string; readonly groups: readonly GroupCounts[] }[];
  /** Per day, in units, when the dataset is dated. */
  readonly byDay?: readonly GroupCounts[];
  /**
   * A few example texts per code, only when study.yaml marks the dataset's text column
   * publishable. Data text: pages show it as escaped text, never as markup.
   */
  readonly exemplars: Readonly<Record<string, readonly Exemplar[]>>;
}

export interface Exemplar {
  readonly key: string;
  readonly participant: string;
  readonly text: string;
}
