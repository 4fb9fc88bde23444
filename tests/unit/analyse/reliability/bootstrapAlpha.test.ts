import { describe, expect, it } from 'vitest';
import { bootstrapAlpha } from '../../../../src/analyse/reliability/bootstrapAlpha.ts';
import { krippendorffAlpha } from '../../../../src/analyse/reliability/krippendorffAlpha.ts';
import { codingsFromRows, krippendorff2011 } from './reliabilityTables.ts';

describe('bootstrapAlpha', () => {
  it('gives the same interval for the same seed, and another for another seed', () => {
    const first = bootstrapAlpha(krippendorff2011, { seed: 42 });
    expect(bootstrapAlpha(krippendorff2011, { seed: 42 })).toEqual(first);
    expect(bootstrapAlpha(krippendorff2011, { seed: 43 })).not.toEqual(first);
    expect(bootstrapAlpha(krippendorff2011)).toEqual(bootstrapAlpha(krippendorff2011));
  });

  it('contains the point estimate of Krippendorff (2011), 0.743', () => {
    const interval = bootstrapAlpha(krippendorff2011);
    const { alpha } = krippendorffAlpha(krippendorff2011);
    expect(interval).toBeDefined();
    expect(interval!.low).toBeLessThan(alpha!);
    expect(interval!.high).toBeGreaterThan(alpha!);
    expect(interval!.high).toBeLessThanOrEqual(1);
    expect(interval).toMatchObject({ level: 0.95, resamples: 1000 });
  });

  it('is [1, 1] for perfect agreement', () => {
    const perfect = codingsFromRows(['a b c a b c d a', 'a b c a b c d a', 'a * c a b * d a']);
    expect(bootstrapAlpha(perfect)).toMatchObject({ low: 1, high: 1 });
  });

  it('widens with the level it is asked for', () => {
    const narrow = bootstrapAlpha(krippendorff2011, { level: 0.5 });
    const wide = bootstrapAlpha(krippendorff2011, { level: 0.99 });
    expect(wide!.low).toBeLessThan(narrow!.low);
    expect(wide!.high).toBeGreaterThanOrEqual(narrow!.high);
  });

  it('leaves out resamples without variation, and gives no interval when alpha is undefined', () => {
    // Two units: a resample drawing the 'a' unit twice has one value only.
    const interval = bootstrapAlpha(codingsFromRows(['a b', 'a b']), { resamples: 200 });
    expect(interval).toMatchObject({ low: 1, high: 1 });
    expect(interval!.undefinedResamples).toBeGreaterThan(0);
    expect(bootstrapAlpha(codingsFromRows(['a a', 'a a']))).toBeUndefined();
  });

  it('refuses options it cannot use', () => {
    expect(() => bootstrapAlpha(krippendorff2011, { resamples: 0 })).toThrow(/internal:/);
    expect(() => bootstrapAlpha(krippendorff2011, { resamples: 2.5 })).toThrow(/internal:/);
    expect(() => bootstrapAlpha(krippendorff2011, { level: 1 })).toThrow(/internal:/);
    expect(() => bootstrapAlpha(krippendorff2011, { seed: Number.NaN })).toThrow(/internal:/);
  });
});
