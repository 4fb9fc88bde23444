import { ascending, rollup, sum } from 'd3-array';
import { valuesByUnit, type Coding } from './reliabilityData.ts';

/** Krippendorff's alpha and the data it rests on. */
export interface KrippendorffAlpha {
  /** Undefined when nothing can be paired, or when all pairable values are the same one (no variation: 0 / 0). */
  readonly alpha: number | undefined;
  /** n: the values in units that have at least two of them. */
  readonly pairableValues: number;
  /** Units with at least two values. */
  readonly units: number;
  /** Coders with at least one pairable value. */
  readonly coders: number;
}

/** A unit reduced to what alpha needs: how many of its values are each nominal value. */
export interface PairableUnit {
  readonly counts: ReadonlyMap<string, number>;
  /** m_u: the unit's values, at least two. */
  readonly values: number;
  /** Who gave them. */
  readonly coders: readonly string[];
}

/** The coincidence matrix: o_ck counts, over units, the pairs of values (c, k) from different coders, each unit weighted 1 / (m_u - 1). */
export interface Coincidences {
  /** The values in the matrix's order (sorted). */
  readonly values: readonly string[];
  /** Symmetric; row c sums to n_c, the times c was given in pairable units. */
  readonly matrix: readonly (readonly number[])[];
}

/**
 * Krippendorff's alpha for nominal data, computed as in Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability" (https://repository.upenn.edu/asc_papers/43):
 *
 *   alpha = 1 - D_o / D_e = 1 - (n - 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
 *
 * where o_ck is the coincidence matrix, n_c its margins and n the number of pairable values.
 *
 * Any number of coders; missing values are left out, and a unit with fewer than two values
 * left is dropped, since a lone value can be paired with nothing. Values are compared with
 * the nominal metric (equal or not). A multi-code cell is one nominal value, its set of codes
 * (see `nominalValue`); agreement on each code of such a dimension is `presenceAlpha`.
 *
 * Reading (Krippendorff 2004, Content Analysis, 2nd ed.): alpha ≥ .800 is customarily taken as
 * reliable; .667 ≤ alpha < .800 allows only tentative conclusions; below .667, the data should
 * not be relied on. 1 is perfect agreement, 0 agreement no better than chance; alpha can be
 * negative when coders disagree systematically.
 *
 * @param codings the reliability data: one cell per unit and coder; missing cells may be absent or empty.
 */
export function krippendorffAlpha(codings: readonly Coding[]): KrippendorffAlpha {
  const units = pairableUnits(codings);
  return {
    alpha: alphaOfUnits(units),
    pairableValues: sum(units, (unit) => unit.values),
    units: units.length,
    coders: new Set(units.flatMap((unit) => unit.coders)).size,
  };
}

/** The units alpha is computed on: those with at least two values once missing ones are left out. */
export function pairableUnits(codings: readonly Coding[]): PairableUnit[] {
  return [...valuesByUnit(codings).values()].filter((byCoder) => byCoder.size >= 2).map(pairableUnit);
}

/** A unit's values (by coder) counted by value. */
export function pairableUnit(byCoder: ReadonlyMap<string, string>): PairableUnit {
  if (byCoder.size < 2) throw new Error(`internal: a pairable unit needs two values or more; found ${byCoder.size}`);
  const values = [...byCoder.values()];
  return {
    counts: rollup(
      values,
      (same) => same.length,
      (value) => value,
    ),
    values: values.length,
    coders: [...byCoder.keys()],
  };
}

/** The coincidence matrix of pairable units, with its values sorted. */
export function coincidences(units: readonly PairableUnit[]): Coincidences {
  const values = [...new Set(units.flatMap((unit) => [...unit.counts.keys()]))].sort(ascending);
  const index = new Map(values.map((value, i) => [value, i] as const));
  const matrix = values.map(() => values.map(() => 0));
  for (const unit of units) {
    if (unit.values < 2) throw new Error(`internal: coincidences needs units with two values or more; found ${unit.values}`);
    for (const [c, nc] of unit.counts)
      for (const [k, nk] of unit.counts) {
        // Pairs from different coders only: a value is not paired with itself.
        const pairs = nc * (c === k ? nk - 1 : nk);
        matrix[index.get(c)!]![index.get(k)!]! += pairs / (unit.values - 1);
      }
  }
  return { values, matrix };
}

/** Alpha of pairable units; bootstrapAlpha calls it on resampled units. */
export function alphaOfUnits(units: readonly PairableUnit[]): number | undefined {
  const { matrix } = coincidences(units);
  const margins = matrix.map((row) => sum(row));
  const n = sum(margins);
  const observed = sum(matrix, (row, c) => sum(row, (o, k) => (c === k ? 0 : o)));
  const expected = sum(margins, (nc, c) => sum(margins, (nk, k) => (c === k ? 0 : nc * nk)));
  if (expected === 0) return undefined;
  return 1 - ((n - 1) * observed) / expected;
}
