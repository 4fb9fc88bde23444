import { z } from 'zod';
import { identifier, text } from './primitives.ts';

/** What every chart definition may say, whatever its kind. */
const common = {
  title: text,
  subtitle: text.optional(),
  caption: text.optional(),
  notes: z.array(text).default([]),
};

/** The most participants or groups drawn one by one before the rest are folded into "all others". */
const top = z.int().min(1).max(200).default(25);

export const distributionChart = z.strictObject({
  ...common,
  kind: z.literal('distribution'),
  dimension: identifier,
  /** Codebook order keeps a chart comparable across versions; size order ranks the codes. */
  order: z.enum(['codebook', 'size']).default('codebook'),
});

export const breakdownChart = z.strictObject({
  ...common,
  kind: z.literal('breakdown'),
  dimension: identifier,
  /** `participant`, or a participant attribute column from study.yaml. */
  by: z.string().min(1).default('participant'),
  layout: z.enum(['heatmap', 'stacked']).default('heatmap'),
  top,
});

export const timelineChart = z.strictObject({
  ...common,
  kind: z.literal('timeline'),
  dataset: identifier,
  /** Optional: split each day's units by the top-level codes of this dimension. */
  dimension: identifier.optional(),
});

export const perParticipantChart = z.strictObject({
  ...common,
  kind: z.literal('per-participant'),
  dataset: identifier,
  /** Optional: split each participant's units by the top-level codes of this dimension. */
  dimension: identifier.optional(),
  top,
});

export const participantsReportingChart = z.strictObject({
  ...common,
  kind: z.literal('participants-reporting'),
  dimension: identifier,
});

export const comparisonChart = z.strictObject({
  ...common,
  kind: z.literal('comparison'),
  measures: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        dimension: identifier,
        /** Counted when a unit (or participant) has any of these codes, or a code nested under them. */
        codes: z.array(identifier).min(1),
      }),
    )
    .min(2, { error: 'expected at least two measures to compare' }),
});

export const chartDefinition = z.discriminatedUnion('kind', [
  distributionChart,
  breakdownChart,
  timelineChart,
  perParticipantChart,
  participantsReportingChart,
  comparisonChart,
]);

export type ChartDefinition = z.infer<typeof chartDefinition>;
export type ChartKindName = ChartDefinition['kind'];
