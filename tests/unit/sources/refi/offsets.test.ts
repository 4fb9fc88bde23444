import { describe, expect, it } from 'vitest';
import { normaliseGuid } from '../../../../src/sources/refi/guid.ts';
import { codePointText, offsetUnitFor, textOffsets } from '../../../../src/sources/refi/offsets.ts';
import { sourcePaths } from '../../../../src/sources/refi/sourcePath.ts';

describe('offsetUnitFor', () => {
  it('takes NVivo, whatever its case, as counting UTF-16 code units, and every other origin as counting code points', () => {
    expect(['NVivo 14', 'nvivo', ' NVIVO 12 Plus'].map(offsetUnitFor)).toEqual([
      'utf16-code-units',
      'utf16-code-units',
      'utf16-code-units',
    ]);
    expect(['ATLAS.ti Windows 23', 'MAXQDA 2022', 'QualCoder 3.5', undefined, 'Made with NVivo'].map(offsetUnitFor)).toEqual([
      'code-points',
      'code-points',
      'code-points',
      'code-points',
      'code-points',
    ]);
  });
});

describe('textOffsets', () => {
  // UTF-16 units: 🎉 0-1, a 2, 😀 3-4, 😀 5-6, b 7 (length 8); code points: 🎉 0, a 1, 😀 2, 😀 3, b 4 (length 5).
  const text = '🎉a😀😀b';

  it('turns every UTF-16 offset between characters into code points, and refuses those inside a pair', () => {
    const offsets = textOffsets(text, 'utf16-code-units');
    expect(offsets.length).toBe(8);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((offset) => offsets.toCodePoint(offset))).toEqual([
      0,
      undefined,
      1,
      2,
      undefined,
      3,
      undefined,
      4,
      5,
    ]);
  });

  it('keeps code points as they are, the length counted in code points', () => {
    const offsets = textOffsets(text, 'code-points');
    expect(offsets.length).toBe(5);
    expect(offsets.toCodePoint(3)).toBe(3);
  });

  it('is the identity on a text without astral characters, CRLF counted as two', () => {
    const offsets = textOffsets('ab\r\ncé', 'utf16-code-units');
    expect([0, 2, 4, 6].map((offset) => offsets.toCodePoint(offset))).toEqual([0, 2, 4, 6]);
  });
});

describe('normaliseGuid', () => {
  it('lowers the case and removes braces; refuses what is not a GUID', () => {
    expect(normaliseGuid('{A1B2C3D4-0000-4ABC-8DEF-0123456789AB}')).toBe('a1b2c3d4-0000-4abc-8def-0123456789ab');
    expect(normaliseGuid(' a1b2c3d4-0000-4abc-8def-0123456789ab ')).toBe('a1b2c3d4-0000-4abc-8def-0123456789ab');
    expect(
      ['{a1b2c3d4-0000-4abc-8def-0123456789ab', 'a1b2c3d4-0000-4abc-8def-0123456789', 'g1b2c3d4-0000-4abc-8def-0123456789ab', ''].map(
        normaliseGuid,
      ),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('sourcePaths', () => {
  const lookup = sourcePaths(['project.qde', 'Sources/a.txt', 'Sources/x/b.txt', 'Sources/y/b.txt', 'Sources/y/c.txt']);

  it('finds internal, relative and bare paths, by path first and then by file name', () => {
    expect(lookup('internal://a.txt')).toEqual({ entry: 'Sources/a.txt' });
    expect(lookup('relative://x/b.txt')).toEqual({ entry: 'Sources/x/b.txt' });
    expect(lookup('relative://C/Users/someone/c.txt')).toEqual({ entry: 'Sources/y/c.txt' });
    expect(lookup('a.txt')).toEqual({ entry: 'Sources/a.txt' });
  });

  it('says where it looked when a file is missing, and which files share an ambiguous name', () => {
    expect(lookup('internal://gone.txt')).toEqual({ missing: 'Sources/gone.txt' });
    expect(lookup('relative://z/b.txt')).toEqual({ ambiguous: ['Sources/x/b.txt', 'Sources/y/b.txt'] });
  });
});

describe('codePointText', () => {
  it('measures and slices in code points, matching an independent split into code points, clipped to the text', () => {
    for (const text of ['plain text', 'a😀b😀😀c', '😀', '', 'end 🎉']) {
      const points = [...text];
      const measured = codePointText(text);
      expect(measured.length, text).toBe(points.length);
      for (let start = 0; start <= points.length; start++)
        for (let end = start; end <= points.length + 2; end++)
          expect(measured.slice(start, end), `${text} ${start}…${end}`).toBe(points.slice(start, end).join(''));
    }
  });
});
