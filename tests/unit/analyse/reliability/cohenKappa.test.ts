import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaOfTable } from '../../../../src/analyse/reliability/cohenKappa.ts';
import type { Coding } from '../../../../src/analyse/reliability/reliabilityData.ts';
import { codingsFromRows } from './reliabilityTables.ts';

/**
 * Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by A and B.
 * Both yes 20, A yes and B no 5, A no and B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
 */
const grants = [
  [20, 5],
  [10, 15],
];

/** The same proposals as reliability data: one unit per proposal, a cell per reader. */
function proposals(): Coding[] {
  const cells: [string, string, number][] = [
    ['yes', 'yes', 20],
    ['yes', 'no', 5],
    ['no', 'yes', 10],
    ['no', 'no', 15],
  ];
  return cells.flatMap(([a, b, count], c) =>
    Array.from({ length: count }, (_, i) => [
      { unit: `${c}-${i}`, coder: 'A', value: a },
      { unit: `${c}-${i}`, coder: 'B', value: b },
    ]).flat(),
  );
}

describe('cohenKappa', () => {
  it("reproduces Wikipedia's simple example from the table: kappa 0.40", () => {
    const result = cohenKappaOfTable(grants);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.agreement).toBeCloseTo(0.7, 12);
    expect(result.chanceAgreement).toBeCloseTo(0.5, 12);
    expect(result.units).toBe(50);
  });

  it("reproduces Wikipedia's simple example from reliability data, in either coder order", () => {
    expect(cohenKappa(proposals(), ['A', 'B']).kappa).toBeCloseTo(0.4, 12);
    expect(cohenKappa(proposals(), ['B', 'A']).kappa).toBeCloseTo(0.4, 12);
  });

  it('counts only units both coders coded, and ignores other coders', () => {
    const codings = codingsFromRows(['a b a b *', 'a b a a b', 'b b b b b']);
    // Units 1 to 4: table [[2, 0], [1, 1]] (rows A, columns B): p_o = 3/4, p_e = (2/4)(3/4) + (2/4)(1/4) = 1/2.
    expect(cohenKappa(codings, ['A', 'B'])).toEqual({ kappa: 0.5, agreement: 0.75, chanceAgreement: 0.5, units: 4 });
  });

  it('is undefined when nothing is shared or chance explains all agreement', () => {
    expect(cohenKappa(codingsFromRows(['a *', '* a']), ['A', 'B']).kappa).toBeUndefined();
    expect(cohenKappa(codingsFromRows(['a a', 'a a']), ['A', 'B'])).toMatchObject({ kappa: undefined, agreement: 1, units: 2 });
  });

  it('refuses one coder twice and tables that are not square counts', () => {
    expect(() => cohenKappa(proposals(), ['A', 'A'])).toThrow(/internal:/);
    expect(() => cohenKappaOfTable([[1, 2]])).toThrow(/internal:/);
    expect(() =>
      cohenKappaOfTable([
        [1, -2],
        [0, 1],
      ]),
    ).toThrow(/internal:/);
  });
});
