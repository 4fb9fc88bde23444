import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { bundledFontFamily, bundledFontFiles } from '../../../src/charts/export/bundledFont.ts';
import { estimateTextWidth, wrapText } from '../../../src/charts/export/wrapText.ts';

/** The width resvg actually lays the text out at, with the bundled font. */
function measuredWidth(text: string, fontSize: number, bold: boolean): number {
  const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="150" font-size="${fontSize}" font-weight="${bold ? 700 : 400}">${escaped}</text></svg>`;
  const resvg = new Resvg(svg, {
    font: { fontFiles: [...bundledFontFiles], loadSystemFonts: false, defaultFontFamily: bundledFontFamily },
  });
  return resvg.getBBox()?.width ?? 0;
}

const samples = [
  'How often participants mentioned each barrier to accessing care, by region (2024)',
  'WHO WORRIES MOST? MEASLES, MUMPS AND RUBELLA 2014–2015',
  'Vaccine safety concerns: tweets per code',
  'mmmm wwww MMMM WWWW 100% @@',
  'Illustrative data',
];

describe('estimateTextWidth', () => {
  it.each(samples)('never underestimates the bundled font, nor overestimates by a third: %s', (text) => {
    for (const bold of [false, true]) {
      const actual = measuredWidth(text, 40, bold);
      const estimate = estimateTextWidth(text, 40, bold);
      expect(estimate).toBeGreaterThanOrEqual(actual);
      expect(estimate).toBeLessThan(actual * 1.34);
    }
  });
});

describe('wrapText', () => {
  it('keeps short text on one line', () => {
    expect(wrapText('Tweets per code', { maxWidth: 600, fontSize: 18 })).toEqual(['Tweets per code']);
  });

  it('breaks at spaces, and each line fits', () => {
    const text = 'Barriers to vaccination mentioned in tweets about the 2014 measles outbreak, per code and per region';
    const lines = wrapText(text, { maxWidth: 400, fontSize: 24, bold: true });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(measuredWidth(line, 24, true)).toBeLessThanOrEqual(400);
  });

  it('breaks inside a word that is too long for any line', () => {
    const lines = wrapText('x'.repeat(100), { maxWidth: 200, fontSize: 20 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(100));
  });

  it('ends the last allowed line with an ellipsis, on a word boundary', () => {
    const lines = wrapText('one two three four five six seven eight nine ten eleven twelve', { maxWidth: 150, fontSize: 20, maxLines: 2 });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^[a-z ]+[a-z]…$/);
    expect(estimateTextWidth(lines[1]!, 20)).toBeLessThanOrEqual(150);
  });

  it('has no lines for empty text', () => {
    expect(wrapText('  ', { maxWidth: 100, fontSize: 12 })).toEqual([]);
  });
});
