import { ascending, rollup, sum } from 'd3-array';
import { valuesByUnit, type Coding } from './reliabilityData.ts';

/** Cohen's kappa with the agreements it compares. */
export interface CohenKappa {
  /** Undefined when no unit was coded by both, or when chance alone gives full agreement (p_e = 1). */
  readonly kappa: number | undefined;
  /** p_o; undefined when no unit was coded by both. */
  readonly agreement: number | undefined;
  /** p_e; undefined when no unit was coded by both. */
  readonly chanceAgreement: number | undefined;
  /** Units coded by both coders. */
  readonly units: number;
}

/**
 * Cohen's kappa for exactly two coders: (p_o - p_e) / (1 - p_e), where p_o is the share of
 * units they agree on and p_e the agreement expected by chance from each coder's own
 * distribution of values (the product of their margins). Only units both coders coded count;
 * values are compared as in `krippendorffAlpha` (nominal; multi-code cells as sets).
 *
 * 1 is perfect agreement, 0 agreement no better than chance. Unlike alpha, kappa takes each
 * coder's preferences as given rather than as disagreement, and has no answer for missing
 * values or more coders: report alpha as the main figure, kappa for readers who expect it.
 *
 * @param codings the reliability data, as for `krippendorffAlpha`; other coders' cells are ignored.
 * @param coders the two coders to compare; the first is the table's rows.
 */
export function cohenKappa(codings: readonly Coding[], coders: readonly [string, string]): CohenKappa {
  const [first, second] = coders;
  if (first === second) throw new Error(`internal: cohenKappa needs two different coders; found ${first} twice`);
  const pairs = [...valuesByUnit(codings).values()].flatMap((byCoder) => {
    const a = byCoder.get(first);
    const b = byCoder.get(second);
    return a === undefined || b === undefined ? [] : [[a, b] as const];
  });
  const values = [...new Set(pairs.flat())].sort(ascending);
  const counts = rollup(
    pairs,
    (same) => same.length,
    ([a]) => a,
    ([, b]) => b,
  );
  const table = values.map((a) => values.map((b) => counts.get(a)?.get(b) ?? 0));
  return cohenKappaOfTable(table);
}

/**
 * Kappa from a square table of counts: row i, column j counts the units the first coder gave
 * value i and the second value j (the same values in the same order on both sides).
 */
export function cohenKappaOfTable(table: readonly (readonly number[])[]): CohenKappa {
  if (table.some((row) => row.length !== table.length)) throw new Error('internal: cohenKappaOfTable needs a square table');
  for (const row of table)
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new Error(`internal: cohenKappaOfTable needs counts; found ${n}`);

  const units = sum(table, (row) => sum(row));
  if (units === 0) return { kappa: undefined, agreement: undefined, chanceAgreement: undefined, units };
  const agreement = sum(table, (row, i) => row[i] ?? 0) / units;
  const firstMargins = table.map((row) => sum(row) / units);
  const secondMargins = table.map((_, j) => sum(table, (row) => row[j] ?? 0) / units);
  const chanceAgreement = sum(firstMargins, (p, i) => p * (secondMargins[i] ?? 0));
  const kappa = chanceAgreement === 1 ? undefined : (agreement - chanceAgreement) / (1 - chanceAgreement);
  return { kappa, agreement, chanceAgreement, units };
}
