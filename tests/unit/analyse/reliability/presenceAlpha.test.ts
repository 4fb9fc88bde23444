import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../../src/analyse/reliability/krippendorffAlpha.ts';
import { presence, presenceAlpha } from '../../../../src/analyse/reliability/presenceAlpha.ts';
import type { Coding } from '../../../../src/analyse/reliability/reliabilityData.ts';

/**
 * Krippendorff (2004), Content Analysis, 2nd ed., section 11.3.1, p. 224: binary data, two
 * observers, ten units, alpha = 0.095. Table as read from the book by the jucor/krippendorff
 * R package (data-raw/krippendorff2004.binary.two.observers.csv):
 *   Jon 1 1 0 0 0 0 0 0 0 0
 *   Han 0 1 1 0 0 1 0 1 0 0
 * Here 1 is code "conflict" in a multi-code cell; "support" is coded identically by both.
 */
const jon = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
const han = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0];

function cell(conflict: number, unit: number): string[] {
  return [...(conflict === 1 ? ['conflict'] : []), ...(unit % 2 === 0 ? ['support'] : []), 'other'];
}

const codings: Coding[] = [
  ...jon.map((conflict, u) => ({ unit: `u${u + 1}`, coder: 'Jon', value: cell(conflict, u) })),
  ...han.map((conflict, u) => ({ unit: `u${u + 1}`, coder: 'Han', value: cell(conflict, u) })),
  // Missing stays missing: Han did not code u11, so it has one value and is dropped.
  { unit: 'u11', coder: 'Jon', value: ['conflict'] },
  { unit: 'u11', coder: 'Han', value: [] },
];

describe('presenceAlpha', () => {
  it('reproduces Krippendorff (2004, §11.3.1) on one code: alpha 0.095', () => {
    const conflict = presenceAlpha(codings, ['conflict']).get('conflict');
    // n_present = 6, n_absent = 14, o(present, absent) = 4: alpha = 1 - 19 · 8 / (2 · 6 · 14) = 2/21.
    expect(conflict?.alpha).toBeCloseTo(2 / 21, 12);
    expect(conflict?.alpha?.toFixed(3)).toBe('0.095');
    expect(conflict).toMatchObject({ pairableValues: 20, units: 10, coders: 2 });
  });

  it('gives each code its own alpha, in the order asked, undefined without variation', () => {
    const result = presenceAlpha(codings, ['support', 'conflict', 'other', 'unused']);
    expect([...result.keys()]).toEqual(['support', 'conflict', 'other', 'unused']);
    expect(result.get('support')?.alpha).toBe(1);
    expect(result.get('other')?.alpha).toBeUndefined();
    expect(result.get('unused')?.alpha).toBeUndefined();
    // The same data compared as whole sets: every conflict disagreement is a set disagreement.
    expect(krippendorffAlpha(codings).alpha).toBeLessThan(1);
  });

  it('reads single codes, sets and missing cells', () => {
    expect(presence('a', 'a')).toBe('present');
    expect(presence('b', 'a')).toBe('absent');
    expect(presence(['b', 'a'], 'a')).toBe('present');
    expect(presence([], 'a')).toBeUndefined();
    expect(presence(undefined, 'a')).toBeUndefined();
  });

  it('refuses a code listed twice', () => {
    expect(() => presenceAlpha(codings, ['conflict', 'conflict'])).toThrow(/internal:/);
  });
});
