import { describe, expect, it } from 'vitest';
import { alphaOfUnits, coincidences, krippendorffAlpha, pairableUnit } from '../../../../src/analyse/reliability/krippendorffAlpha.ts';
import { codingsFromRows, krippendorff2011, wikipediaAlphaExample } from './reliabilityTables.ts';

describe('krippendorffAlpha', () => {
  it('reproduces Krippendorff (2011): 4 observers, 12 units, missing data, nominal alpha 0.743', () => {
    const result = krippendorffAlpha(krippendorff2011);
    expect(result.alpha).toBeCloseTo(0.743421, 6);
    expect(result.alpha?.toFixed(3)).toBe('0.743');
    // Unit 12 has one value and is dropped: 11 units, n = 40 pairable values (as in the paper).
    expect(result).toMatchObject({ pairableValues: 40, units: 11, coders: 4 });
  });

  it("reproduces Wikipedia's computational example: 3 coders, 15 units, nominal alpha 0.691", () => {
    const result = krippendorffAlpha(wikipediaAlphaExample);
    expect(result.alpha).toBeCloseTo(0.691358, 6);
    expect(result.alpha?.toFixed(3)).toBe('0.691');
    // Units 1, 2 and 14 have fewer than two values: 12 units, n = 26 (Wikipedia's n..).
    expect(result).toMatchObject({ pairableValues: 26, units: 12, coders: 3 });
  });

  it('reads the order of units and coders as irrelevant', () => {
    const shuffled = [...krippendorff2011].reverse();
    expect(krippendorffAlpha(shuffled).alpha).toBeCloseTo(0.743421, 6);
  });

  it('is 1 for perfect agreement and undefined when there is no variation to agree on', () => {
    expect(krippendorffAlpha(codingsFromRows(['a b c', 'a b c'])).alpha).toBe(1);
    expect(krippendorffAlpha(codingsFromRows(['a a a', 'a a a'])).alpha).toBeUndefined();
    expect(krippendorffAlpha(codingsFromRows(['a * c', '* b *']))).toEqual({ alpha: undefined, pairableValues: 0, units: 0, coders: 0 });
  });

  it('compares multi-code cells as sets: same codes in any order agree, overlapping sets do not', () => {
    const agree = [
      { unit: 'u1', coder: 'A', value: ['x', 'y'] },
      { unit: 'u1', coder: 'B', value: ['y', 'x', 'x'] },
      { unit: 'u2', coder: 'A', value: 'x' },
      { unit: 'u2', coder: 'B', value: ['x'] },
    ];
    expect(krippendorffAlpha(agree).alpha).toBe(1);
    const overlap = [
      { unit: 'u1', coder: 'A', value: ['x', 'y'] },
      { unit: 'u1', coder: 'B', value: ['x'] },
      { unit: 'u2', coder: 'A', value: ['x'] },
      { unit: 'u2', coder: 'B', value: ['x', 'y'] },
    ];
    // Two values {x,y} and {x}, each given twice, never by both coders of a unit: all pairs disagree.
    // alpha = 1 - (n - 1) · Σ o_ck / Σ n_c n_k = 1 - 3 · 4 / (2 · 2 · 2) = -0.5.
    expect(krippendorffAlpha(overlap).alpha).toBeCloseTo(-0.5, 12);
  });

  it('treats an empty cell and an absent row like a missing value', () => {
    const absentRows = krippendorff2011.filter((coding) => coding.value !== undefined);
    const emptyCells = krippendorff2011.map((coding) => ({ ...coding, value: coding.value ?? [] }));
    expect(krippendorffAlpha(absentRows)).toEqual(krippendorffAlpha(krippendorff2011));
    expect(krippendorffAlpha(emptyCells)).toEqual(krippendorffAlpha(krippendorff2011));
  });

  it('refuses two cells for one unit and coder', () => {
    const twice = [...krippendorff2011, { unit: '1', coder: 'A', value: '2' }];
    expect(() => krippendorffAlpha(twice)).toThrow(/internal: .*2 cells for unit 1 and coder A/);
  });
});

describe('coincidences', () => {
  it('has margins n_c that sum to n, and is symmetric', () => {
    const byCoder = (...values: string[]) => new Map(values.map((value, i) => [`coder ${i}`, value]));
    const units = [pairableUnit(byCoder('a', 'a', 'b')), pairableUnit(byCoder('b', 'c'))];
    const { values, matrix } = coincidences(units);
    expect(values).toEqual(['a', 'b', 'c']);
    // Unit 1 (m = 3): a–a 2 pairs, a–b 2, b–a 2, each / 2. Unit 2 (m = 2): b–c and c–b, each / 1.
    expect(matrix).toEqual([
      [1, 1, 0],
      [1, 0, 1],
      [0, 1, 0],
    ]);
    // n = 5, Σ_{c≠k} o_ck = 4, Σ_{c≠k} n_c n_k = 2 · (2·2 + 2·1 + 2·1) = 16: alpha = 1 - 4 · 4 / 16 = 0.
    expect(alphaOfUnits(units)).toBe(0);
  });

  it('refuses a unit with one value', () => {
    expect(() => pairableUnit(new Map([['A', 'a']]))).toThrow(/internal:/);
  });
});
