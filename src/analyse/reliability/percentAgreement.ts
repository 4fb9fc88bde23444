import { mean, sum } from 'd3-array';
import { pairableUnits, type PairableUnit } from './krippendorffAlpha.ts';
import type { Coding } from './reliabilityData.ts';

/** Pairwise percent agreement and the units it averages over. */
export interface PercentAgreement {
  /** Between 0 and 1; undefined when no unit has two values. */
  readonly agreement: number | undefined;
  /** Units with at least two values. */
  readonly units: number;
}

/**
 * Percent agreement, pairwise: in each unit that at least two coders coded, the share of
 * pairs of coders who gave the same value, averaged over those units (each unit counts
 * once, however many coders it had). With two coders this is the share of units they agree
 * on; with more, a unit where three of four coders agree counts 3 agreeing pairs of 6, not 0.
 * This is what most tools report as "average pairwise percent agreement" (ReCal, for one);
 * the stricter "all coders agree" share is lower whenever any coder differs.
 *
 * Values are compared as in `krippendorffAlpha` (nominal; multi-code cells as sets), and
 * missing values are left out. Percent agreement ignores agreement by chance: report it
 * beside alpha, not instead of it.
 *
 * @param codings the reliability data, as for `krippendorffAlpha`.
 */
export function percentAgreement(codings: readonly Coding[]): PercentAgreement {
  const units = pairableUnits(codings);
  return { agreement: mean(units, agreeingPairShare), units: units.length };
}

/** Of the unit's m (m - 1) ordered pairs of values, the share that are equal. */
export function agreeingPairShare(unit: PairableUnit): number {
  const agreeing = sum(unit.counts.values(), (n) => n * (n - 1));
  return agreeing / (unit.values * (unit.values - 1));
}
