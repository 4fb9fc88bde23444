import { describe, expect, it } from 'vitest';
import { idWidth, numberedId, slugOf, uniqueSlugs } from '../../../src/import/slug.ts';

describe('slugOf', () => {
  it('writes names as lower-case ASCII words joined by "-"', () => {
    expect(slugOf('Ängste & Hoffnungen', 'code')).toBe('angste-hoffnungen');
    expect(slugOf('Straße / Øresund', 'code')).toBe('strasse-oresund');
    expect(slugOf('  Trust (in teachers)  ', 'code')).toBe('trust-in-teachers');
  });

  it('starts with a letter, as study ids must', () => {
    expect(slugOf('1. Introduction', 'code')).toBe('code-1-introduction');
    expect(slugOf('???', 'code')).toBe('code');
    expect(slugOf('信任', 'dimension')).toBe('dimension');
  });

  it('cuts a long name at a word', () => {
    const slug = slugOf('word '.repeat(30), 'code');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^word(-word)+$/);
  });
});

describe('uniqueSlugs', () => {
  it('suffixes -2, -3 on a collision and never hands out a reserved id', () => {
    const next = uniqueSlugs('code', ['text']);
    expect(['Trust', 'trust', 'TRUST', 'Text', 'trust 2'].map(next)).toEqual(['trust', 'trust-2', 'trust-3', 'text-2', 'trust-2-2']);
  });
});

describe('numbered ids', () => {
  it('pads to one width for the whole file', () => {
    expect(numberedId('S', 0, idWidth(9, 2))).toBe('S01');
    expect(numberedId('G', 41, idWidth(120, 4))).toBe('G0042');
    expect(numberedId('G', 0, idWidth(12_345, 4))).toBe('G00001');
  });
});
