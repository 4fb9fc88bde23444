import { describe, expect, it } from 'vitest';
import { fleissKappa, fleissKappaOfCounts } from '../../../../src/analyse/reliability/fleissKappa.ts';
import type { Coding } from '../../../../src/analyse/reliability/reliabilityData.ts';
import { codingsFromRows, krippendorff2011 } from './reliabilityTables.ts';

/**
 * Wikipedia, "Fleiss' kappa", section "Worked example": 14 raters assign 10 subjects to 5
 * categories; row i, column j is the raters who put subject i in category j. kappa = 0.210.
 * The same table is the worked example of several implementations' tests (0.20993070442195522).
 */
const wikipediaExample = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

/** The table as reliability data; rater r of a subject gives the r-th of its categories in table order. */
function wikipediaCodings(): Coding[] {
  return wikipediaExample.flatMap((row, subject) => {
    const given = row.flatMap((count, category) => Array.from({ length: count }, () => `category ${category + 1}`));
    return given.map((value, rater) => ({ unit: `subject ${subject + 1}`, coder: `rater ${rater + 1}`, value }));
  });
}

describe('fleissKappa', () => {
  it("reproduces Wikipedia's worked example from the table: kappa 0.210", () => {
    const kappa = fleissKappaOfCounts(wikipediaExample);
    expect(kappa).toBeCloseTo(0.209931, 6);
    expect(kappa?.toFixed(3)).toBe('0.210');
  });

  it("reproduces Wikipedia's worked example from reliability data", () => {
    const result = fleissKappa(wikipediaCodings());
    expect(result?.kappa).toBeCloseTo(0.209931, 6);
    expect(result).toMatchObject({ units: 10, codersPerUnit: 14 });
  });

  it('is undefined when units have different numbers of values', () => {
    // Krippendorff (2011) has units with 2, 3 and 4 values.
    expect(fleissKappa(krippendorff2011)).toBeUndefined();
    expect(fleissKappa(codingsFromRows(['a', 'a']))).toMatchObject({ units: 1, codersPerUnit: 2 });
    expect(fleissKappa(codingsFromRows(['a b', 'a *']))).toBeUndefined();
    expect(fleissKappa([])).toBeUndefined();
  });

  it('gives 1 for perfect agreement and undefined when every value is the same', () => {
    expect(fleissKappa(codingsFromRows(['a b c', 'a b c', 'a b c']))?.kappa).toBe(1);
    expect(fleissKappa(codingsFromRows(['a a', 'a a']))?.kappa).toBeUndefined();
  });

  it('refuses tables that are not counts with the same number of coders per row', () => {
    expect(() => fleissKappaOfCounts([])).toThrow(/internal:/);
    expect(() => fleissKappaOfCounts([[1, 1], [2]])).toThrow(/internal:/);
    expect(() =>
      fleissKappaOfCounts([
        [1, 1],
        [2, 1],
      ]),
    ).toThrow(/internal:/);
    expect(() => fleissKappaOfCounts([[1, 0]])).toThrow(/internal:/);
  });
});
