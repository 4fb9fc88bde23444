// Drawing one of a fixed set of values with given (unnormalised) weights.
import type { Random } from './random.ts';

export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

export interface WeightedChoice<T> {
  readonly values: readonly T[];
  /** Index of a value drawn with probability proportional to its weight. */
  drawIndex(rng: Random): number;
  draw(rng: Random): T;
}

export function weightedChoice<T>(entries: Weighted<T>): WeightedChoice<T> {
  if (entries.length === 0) throw new Error('weightedChoice needs at least one entry');
  const values = entries.map(([value]) => value);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    if (!(weight >= 0)) throw new Error(`negative or missing weight: ${weight}`);
    total += weight;
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error('weights sum to zero');
  const last = entries.length - 1;
  const drawIndex = (rng: Random): number => {
    const target = rng.uniform() * total;
    let i = 0;
    while (i < last && (cumulative[i] as number) <= target) i++;
    return i;
  };
  return { values, drawIndex, draw: (rng) => values[drawIndex(rng)] as T };
}
