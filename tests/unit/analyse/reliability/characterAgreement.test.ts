import { describe, expect, it } from 'vitest';
import { characterAgreement, mergeRanges } from '../../../../src/analyse/reliability/characterAgreement.ts';

describe('characterAgreement', () => {
  it("reproduces NVivo's documented example: 1,000 characters, 50 by both, 150 by one, 800 by neither: 85%", () => {
    // NVivo's help ("Run a Coding Comparison query", How is the percentage agreement calculated?)
    // does not say how the 150 split between the coders, so kappa is checked for two splits.
    // First codes 0–150, second 100–200: both 100–150 (50), first only 0–100 (100), second only 150–200 (50).
    const result = characterAgreement(1000, [{ start: 0, end: 150 }], [{ start: 100, end: 200 }]);
    expect(result).toMatchObject({ characters: 1000, both: 50, firstOnly: 100, secondOnly: 50, neither: 800 });
    expect(result.agreement).toBeCloseTo(0.85, 12);
    // By hand, with NVivo's kappa steps: EF1 = coded by A × coded by B / total = 150 · 100 / 1000 = 15;
    // EF2 = not A × not B / total = 850 · 900 / 1000 = 765; ΣEF = 780;
    // K = (agreeing − ΣEF) / (total − ΣEF) = (850 − 780) / (1000 − 780) = 70 / 220 = 7/22 ≈ 0.318.
    expect(result.kappa).toBeCloseTo(7 / 22, 12);
  });

  it('gives the same 85% and a slightly different kappa when the 150 split evenly', () => {
    // 75 and 75: EF1 = 125 · 125 / 1000 = 15.625; EF2 = 875 · 875 / 1000 = 765.625; ΣEF = 781.25;
    // K = (850 − 781.25) / (1000 − 781.25) = 68.75 / 218.75 = 11/35 ≈ 0.314.
    const result = characterAgreement(1000, [{ start: 0, end: 125 }], [{ start: 75, end: 200 }]);
    expect(result).toMatchObject({ both: 50, firstOnly: 75, secondOnly: 75, neither: 800 });
    expect(result.agreement).toBeCloseTo(0.85, 12);
    expect(result.kappa).toBeCloseTo(11 / 35, 12);
  });

  it('counts a character a coder coded twice, or in overlapping ranges, once', () => {
    const result = characterAgreement(
      100,
      [
        { start: 10, end: 30 },
        { start: 20, end: 40 },
        { start: 10, end: 30 },
      ],
      [
        { start: 35, end: 50 },
        { start: 0, end: 5 },
      ],
    );
    // First: 10–40 (30). Second: 0–5 and 35–50 (20). Both: 35–40 (5).
    expect(result).toMatchObject({ both: 5, firstOnly: 25, secondOnly: 15, neither: 55 });
    expect(result.agreement).toBeCloseTo(0.6, 12);
  });

  it('is full agreement with kappa 1 when both coded the same characters', () => {
    const same = [{ start: 3, end: 9 }];
    expect(characterAgreement(20, same, same)).toMatchObject({ agreement: 1, kappa: 1 });
  });

  it('has no kappa when neither coded anything, and nothing at all for an empty source', () => {
    expect(characterAgreement(20, [], [])).toMatchObject({ agreement: 1, kappa: undefined, neither: 20 });
    expect(characterAgreement(0, [], [])).toMatchObject({ agreement: undefined, kappa: undefined });
  });

  it('refuses ranges outside the text and lengths that are not counts', () => {
    expect(() => characterAgreement(10, [{ start: 5, end: 11 }], [])).toThrow(/internal:/);
    expect(() => characterAgreement(10, [], [{ start: 6, end: 5 }])).toThrow(/internal:/);
    expect(() => characterAgreement(10, [{ start: 0.5, end: 2 }], [])).toThrow(/internal:/);
    expect(() => characterAgreement(-1, [], [])).toThrow(/internal:/);
  });
});

describe('mergeRanges', () => {
  it('sorts, joins overlapping and touching ranges, and drops empty ones', () => {
    expect(
      mergeRanges(
        [
          { start: 8, end: 9 },
          { start: 0, end: 2 },
          { start: 2, end: 4 },
          { start: 6, end: 6 },
          { start: 3, end: 5 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 9 },
    ]);
  });
});
