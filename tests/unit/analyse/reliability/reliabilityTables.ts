import type { Coding } from '../../../../src/analyse/reliability/reliabilityData.ts';

/**
 * Reliability data written as published: one line per coder, one column per unit, `*` or `.`
 * for a missing value. Units are named by their column number (1, 2, …) and coders A, B, ….
 */
export function codingsFromRows(rows: readonly string[]): Coding[] {
  return rows.flatMap((row, r) =>
    row
      .trim()
      .split(/\s+/)
      .map((cell, u) => ({ unit: String(u + 1), coder: String.fromCharCode(65 + r), value: /^[*.]$/.test(cell) ? undefined : cell })),
  );
}

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data,
 * any number of observers, missing data): 4 observers × 12 units, alpha = 0.743.
 * Table as printed there, also used by the fast-krippendorff package's tests
 * (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py).
 */
export const krippendorff2011 = codingsFromRows([
  '1 2 3 3 2 1 4 1 2 . . .',
  '1 2 3 3 2 2 4 1 2 5 . 3',
  '. 3 3 3 2 3 4 2 2 5 1 .',
  '1 2 3 3 2 4 4 1 2 5 1 .',
]);

/**
 * Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders × 15 units,
 * nominal alpha = 0.691. Table as on the page, also in fast-krippendorff's sample.py and tests
 * (nominal 0.691358).
 */
export const wikipediaAlphaExample = codingsFromRows([
  '* * * * * 3 4 1 2 1 1 3 3 * 3',
  '1 * 2 1 3 3 4 3 * * * * * * *',
  '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
]);
