import type { Author } from '../schemas/study.ts';
import type { Dimension } from './study.ts';

/**
 * Everything the site shows, computed once per build from the study model. Plain,
 * serialisable data: the rendering side never sees raw rows, and never computes figures.
 */
export interface Report {
  readonly study: StudySummary;
  readonly participants: ParticipantSummary;
  readonly datasets: readonly DatasetSummary[];
  readonly dimensions: readonly DimensionReport[];
  /** Agreement between coders, for each dataset with a reliability file. */
  readonly reliability: readonly DatasetReliability[];
  /** Figures that particular charts asked for, beyond the per-code counts. */
  readonly measures: { readonly anyOf: readonly AnyOfResult[]; readonly coverage: readonly CoverageResult[] };
}

/** Units (or participants, as the dimension counts) with any of these codes or a code nested under them. */
export interface AnyOfMeasure {
  readonly dimension: string;
  readonly codes: readonly string[];
}

export interface AnyOfResult extends AnyOfMeasure {
  readonly n: number;
  /** Coded units, or coded participants: the dimension's denominator. */
  readonly of: number;
}

/** The units coded on any of these dimensions, and their participants, each counted once. */
export interface CoverageMeasure {
  readonly dimensions: readonly string[];
}

export interface CoverageResult extends CoverageMeasure {
  readonly units: number;
  readonly participants: number;
}

/** What the analysis is asked for besides the standard figures. */
export interface MeasureRequests {
  readonly anyOf: readonly AnyOfMeasure[];
  readonly coverage: readonly CoverageMeasure[];
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
  /** What this version changes, from study.yaml. */
  readonly notes?: string;
  /** The DOI reserved for this version, from study.yaml. */
  readonly doi?: string;
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
  /** Units per participant, for the participants with at least one, in order of their first unit. */
  readonly perParticipant: readonly { readonly participant: string; readonly n: number }[];
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
  /** Participants in the group, for groups of participants by an attribute value. */
  readonly members?: number;
  /** Coded units, or coded participants, in this group: the group's denominator. */
  readonly denominator: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** A dimension as the codebook declares it, with every figure the site shows of it. */
export interface DimensionReport extends Pick<Dimension, 'id' | 'label' | 'description' | 'dataset' | 'column' | 'multiple'> {
  readonly countBy: Dimension['count'];
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
   * Each coded unit once, under the top-level code of its first code, per participant and per
   * day: segments that add up to the coded units, for bars split by this dimension.
   */
  readonly leading: { readonly byParticipant: readonly GroupCounts[]; readonly byDay?: readonly GroupCounts[] };
  /** Figures behind the chapter's summary paragraph. */
  readonly profile: DimensionProfile;
  /**
   * A few example texts per code, only when study.yaml marks the dataset's text column
   * publishable. Data text: pages show it as escaped text, never as markup.
   */
  readonly exemplars: Readonly<Record<string, readonly Exemplar[]>>;
}

/** How the first-ranked code and the participants vary, for the summary paragraph. */
export interface DimensionProfile {
  /** Mean number of top-level codes per coded unit (or participant). */
  readonly topCodesPerMember: number;
  /** Participants with at least `rankingMinimum` coded units, and among them: */
  readonly ranked: number;
  readonly rankingMinimum: number;
  /** those whose most frequent top-level code is the first-ranked one; */
  readonly ledByFirst: number;
  /** and the lowest and highest share of the first-ranked code. */
  readonly firstShareRange?: readonly [low: number, high: number];
  /** Mean number of top-level codes each participant reported (counting participants). */
  readonly codesPerParticipant: number;
}

export interface Exemplar {
  readonly key: string;
  readonly participant: string;
  readonly text: string;
}

/**
 * Agreement between coders on one dataset, from each coder's own codes (its reliability
 * file). Statistics that are not defined for the data (no variation, not two coders) are null.
 */
export interface DatasetReliability {
  readonly dataset: string;
  /** Where the coders' codes were read from (`data/reliability/posts.csv`). */
  readonly file: string;
  /** The coders, in order of first appearance, with the names the site shows ("Coder A" unless study.yaml names them). */
  readonly coders: readonly { readonly id: string; readonly name: string }[];
  /** Rows of the reliability file (one per unit and coder), and those about units the report analyses. */
  readonly rowsRead: number;
  readonly rowsUsed: number;
  /** Analysed units at least one coder coded in the reliability file. */
  readonly units: number;
  /** Analysed units in the dataset: `units` of how many. */
  readonly of: number;
  /** Distinct participants among the `units`. */
  readonly participants: number;
  /** How the intervals were drawn, the same for every dimension. */
  readonly bootstrap: { readonly resamples: number; readonly level: number; readonly seed: number };
  /** The dimensions the file gives, in codebook order. */
  readonly dimensions: readonly DimensionReliability[];
  /**
   * Agreement character by character, per code, per pair of coders, pooled over sources and
   * per source, when the dataset's units are spans of source documents.
   */
  readonly characters?: readonly CharacterAgreementResult[];
}

/** Krippendorff's alpha with the data it rests on, and percent agreement on the same units. */
export interface AgreementFigures {
  readonly alpha: number | null;
  /** Units with at least two values (pairable units). */
  readonly units: number;
  /** Coders with at least one pairable value. */
  readonly coders: number;
  readonly pairableValues: number;
  /** Average pairwise agreement over the pairable units, between 0 and 1. */
  readonly percentAgreement: number | null;
}

export interface DimensionReliability extends AgreementFigures {
  readonly dimension: string;
  /** Percentile bootstrap interval of alpha (resampling units); null when alpha is undefined. */
  readonly interval: { readonly low: number; readonly high: number } | null;
  /** Cohen's kappa, when the file has exactly two coders. */
  readonly cohenKappa: number | null;
  /** Fleiss' kappa, when every unit has the same number of values. */
  readonly fleissKappa: number | null;
  /** Alpha per code on presence or absence (a code counts its nested codes), in codebook order. */
  readonly codes: readonly CodeReliability[];
}

export interface CodeReliability extends AgreementFigures {
  readonly code: string;
}

/** NVivo's coding comparison for one code and one pair of coders, in one source or pooled over all. */
export interface CharacterAgreementResult {
  readonly dimension: string;
  readonly code: string;
  /** The two coders' names as the site shows them. */
  readonly pair: readonly [string, string];
  /** The source document; null for all sources pooled (their 2 × 2 tables added up). */
  readonly source: string | null;
  readonly characters: number;
  readonly both: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
  readonly neither: number;
  readonly agreement: number | null;
  readonly kappa: number | null;
}
