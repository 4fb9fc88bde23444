import { quantile } from 'd3-array';
import { randomInt, randomLcg } from 'd3-random';
import { alphaOfUnits, pairableUnits } from './krippendorffAlpha.ts';
import type { Coding } from './reliabilityData.ts';

/** A bootstrap interval for alpha and how it was drawn. */
export interface AlphaInterval {
  readonly low: number;
  readonly high: number;
  /** The share of resampled alphas the interval covers, e.g. 0.95. */
  readonly level: number;
  /** Resamples drawn. */
  readonly resamples: number;
  /**
   * Resamples left out because their alpha is undefined: they happened to draw only units
   * with one and the same value, so there was no variation to agree on.
   */
  readonly undefinedResamples: number;
}

export interface BootstrapOptions {
  /** Resamples to draw; 1,000 unless given. */
  readonly resamples?: number;
  /** Seed for `randomLcg`; the same seed gives the same interval. */
  readonly seed?: number;
  /** Coverage of the interval, between 0 and 1; 0.95 unless given. */
  readonly level?: number;
}

export const defaultResamples = 1000;
export const defaultSeed = 0.5;
export const defaultLevel = 0.95;

/**
 * A percentile bootstrap interval for Krippendorff's nominal alpha (`krippendorffAlpha`).
 *
 * Each resample draws the pairable units with replacement, as many as there are, and computes
 * alpha on them; the interval runs from the (1 - level) / 2 to the (1 + level) / 2 quantile
 * of those alphas (d3-array's `quantile`, which interpolates between order statistics).
 *
 * Units, not pairable values, are resampled: a unit's values come from the same text read by
 * the same coders, so they are not independent, and drawing whole units keeps them together.
 * (Hayes and Krippendorff's KALPHA macro, 2007, bootstraps pairable values through the
 * coincidence matrix instead, which treats the values of one unit as independent draws.)
 *
 * The random numbers come from d3-random's `randomLcg` with a fixed seed, so a build gives the
 * same interval every time it runs on the same data.
 *
 * @param codings the reliability data, as for `krippendorffAlpha`.
 * @param options resamples (1,000), seed (fixed) and level (0.95); the defaults suit a build.
 * @returns undefined when alpha itself is undefined (nothing pairable, or no variation).
 */
export function bootstrapAlpha(codings: readonly Coding[], options: BootstrapOptions = {}): AlphaInterval | undefined {
  const { resamples = defaultResamples, seed = defaultSeed, level = defaultLevel } = options;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new Error(`internal: bootstrapAlpha needs a whole number of resamples; found ${resamples}`);
  if (!(level > 0 && level < 1)) throw new Error(`internal: bootstrapAlpha needs a level between 0 and 1; found ${level}`);
  if (!Number.isFinite(seed)) throw new Error(`internal: bootstrapAlpha needs a finite seed; found ${seed}`);

  const units = pairableUnits(codings);
  if (alphaOfUnits(units) === undefined) return undefined;

  const draw = randomInt.source(randomLcg(seed))(units.length);
  const alphas: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const alpha = alphaOfUnits(Array.from({ length: units.length }, () => units[draw()]!));
    if (alpha !== undefined) alphas.push(alpha);
  }
  // With very few units every resample can lack variation; then there is no interval to give.
  const low = quantile(alphas, (1 - level) / 2);
  const high = quantile(alphas, (1 + level) / 2);
  if (low === undefined || high === undefined) return undefined;
  return { low, high, level, resamples, undefinedResamples: resamples - alphas.length };
}
