import { ascending, mean, rollup, sum } from 'd3-array';
import { valuesByUnit, type Coding } from './reliabilityData.ts';

/** Fleiss' kappa and the shape of the data it was computed on. */
export interface FleissKappa {
  /** Undefined when every value is the same one (P̄_e = 1). */
  readonly kappa: number | undefined;
  /** Units with values (all of them have `codersPerUnit`). */
  readonly units: number;
  readonly codersPerUnit: number;
}

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters"), for data
 * where every unit has the same number of values m ≥ 2 (the coders may differ from unit to
 * unit): κ = (P̄ - P̄_e) / (1 - P̄_e), where P̄ is the mean over units of the share of agreeing
 * pairs of values and P̄_e = Σ_j p_j², p_j being the share of all values that are j.
 *
 * It is the figure readers of many-coder studies often expect; alpha (`krippendorffAlpha`)
 * answers the same question and also takes missing values, so it is the one to rely on.
 * Values are compared as in `krippendorffAlpha` (nominal; multi-code cells as sets).
 *
 * @param codings the reliability data, as for `krippendorffAlpha`.
 * @returns undefined when units have different numbers of values (a coder missed a unit, or
 *   more coders read some units), or no unit has two: Fleiss' kappa is not defined then.
 *   Units with no value at all are left out.
 */
export function fleissKappa(codings: readonly Coding[]): FleissKappa | undefined {
  const units = [...valuesByUnit(codings).values()].filter((byCoder) => byCoder.size > 0).map((byCoder) => [...byCoder.values()]);
  const sizes = new Set(units.map((values) => values.length));
  const [codersPerUnit] = sizes;
  if (sizes.size !== 1 || codersPerUnit === undefined || codersPerUnit < 2) return undefined;
  const categories = [...new Set(units.flat())].sort(ascending);
  const counts = units.map((values) => {
    const tally = rollup(
      values,
      (same) => same.length,
      (value) => value,
    );
    return categories.map((category) => tally.get(category) ?? 0);
  });
  return { kappa: fleissKappaOfCounts(counts), units: units.length, codersPerUnit };
}

/**
 * Kappa from Fleiss' table: row i, column j counts the coders who gave unit i category j.
 * Every row must sum to the same number of coders, two or more.
 */
export function fleissKappaOfCounts(counts: readonly (readonly number[])[]): number | undefined {
  const width = counts[0]?.length ?? 0;
  if (counts.length === 0 || counts.some((row) => row.length !== width))
    throw new Error('internal: fleissKappaOfCounts needs a rectangular table');
  for (const row of counts)
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new Error(`internal: fleissKappaOfCounts needs counts; found ${n}`);
  const coders = sum(counts[0] ?? []);
  if (coders < 2 || counts.some((row) => sum(row) !== coders))
    throw new Error('internal: fleissKappaOfCounts needs the same number of coders, two or more, in every row');

  const agreement = mean(counts, (row) => (sum(row, (n) => n * n) - coders) / (coders * (coders - 1))) ?? 0;
  const total = counts.length * coders;
  const chanceAgreement = sum(
    Array.from({ length: width }, (_, j) => sum(counts, (row) => row[j] ?? 0) / total),
    (p) => p * p,
  );
  return chanceAgreement === 1 ? undefined : (agreement - chanceAgreement) / (1 - chanceAgreement);
}
