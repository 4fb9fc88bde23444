import { describe, expect, it } from 'vitest';
import { percentAgreement } from '../../../../src/analyse/reliability/percentAgreement.ts';
import { codingsFromRows, krippendorff2011, wikipediaAlphaExample } from './reliabilityTables.ts';

describe('percentAgreement', () => {
  it('averages pairwise agreement over the pairable units of Krippendorff (2011)', () => {
    // Counted by hand. Units 1, 3, 4, 5, 7, 9, 10, 11 agree fully (8 units). Unit 2 (2, 2, 3, 2)
    // and unit 8 (1, 1, 2, 1): 3 agreeing pairs of 6 = 1/2 each. Unit 6 (1, 2, 3, 4): 0.
    // Unit 12 has one value and is left out. (8 + 1/2 + 1/2 + 0) / 11 = 9/11.
    // "All coders agree" would give 8/11 instead.
    expect(percentAgreement(krippendorff2011)).toEqual({ agreement: 9 / 11, units: 11 });
  });

  it("averages pairwise agreement over the pairable units of Wikipedia's example", () => {
    // Units 3, 4, 5, 7, 9, 10, 11, 12, 13 agree fully (9). Unit 6 (3, 3, 4): 1 pair of 3 agrees.
    // Units 8 (3 vs 1) and 15 (3 vs 4): 0. Units 1, 2, 14 are left out. (9 + 1/3) / 12 = 7/9.
    expect(percentAgreement(wikipediaAlphaExample).agreement).toBeCloseTo(7 / 9, 12);
  });

  it('is the share of units two coders agree on', () => {
    expect(percentAgreement(codingsFromRows(['a b c d', 'a b c a']))).toEqual({ agreement: 3 / 4, units: 4 });
  });

  it('is undefined when no unit has two values', () => {
    expect(percentAgreement(codingsFromRows(['a *', '* b']))).toEqual({ agreement: undefined, units: 0 });
  });
});
