import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { standaloneSvg } from '../../../src/charts/export/standaloneSvg.ts';
import { rasterizeSvg, svgToPng } from '../../../src/charts/export/svgToPng.ts';
import { renderPlot } from '../../../src/charts/renderPlot.ts';
import { chartTheme } from '../../../src/charts/theme.ts';

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(pngSignature);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels darker than mid-grey in raw RGBA: where text (or anything dark) was drawn. */
function darkPixels(pixels: Buffer): number {
  let dark = 0;
  for (let index = 0; index < pixels.length; index += 4) {
    if (pixels[index]! < 128 && pixels[index + 1]! < 128 && pixels[index + 2]! < 128 && pixels[index + 3]! > 128) dark++;
  }
  return dark;
}

function textSvg(text: string, fontFamily = 'Atkinson Hyperlegible'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60"><rect width="200" height="60" fill="#fff"/><text x="10" y="42" font-size="32" font-family="${fontFamily}" fill="#000">${text}</text></svg>`;
}

function chartSvg(): string {
  const rows = [
    { label: 'Vaccine safety', n: 120 },
    { label: 'Access and cost', n: 80 },
  ];
  const inline = renderPlot(
    {
      title: 'Barriers',
      description: 'Two codes.',
      plot: {
        ...chartTheme,
        marginLeft: 120,
        x: { label: 'Tweets →', grid: true },
        y: { label: null },
        marks: [Plot.barX(rows, { x: 'n', y: 'label', fill: 'var(--chart-bar, #2b6cb0)' }), Plot.ruleX([0])],
      },
    },
    'barriers',
  );
  return standaloneSvg(inline, { title: 'Barriers to vaccination', source: 'Source: test data' });
}

describe('svgToPng', () => {
  it('writes a PNG of the requested width, keeping the proportions', () => {
    const svg = chartSvg();
    const png = svgToPng(svg, { width: 1280 });
    const { width, height } = pngSize(png);
    expect(width).toBe(1280);
    const viewBox = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/)!;
    expect(height).toBe(Math.round((1280 * Number(viewBox[2])) / Number(viewBox[1])));
  });

  it('draws legible text with the bundled font', () => {
    expect(darkPixels(rasterizeSvg(textSvg(''), { width: 200 }).pixels)).toBe(0);
    const hello = darkPixels(rasterizeSvg(textSvg('Hello'), { width: 200 }).pixels);
    expect(hello).toBeGreaterThan(300);
    // Not five "missing glyph" boxes: a wider word darkens more pixels.
    expect(darkPixels(rasterizeSvg(textSvg('Hello world'), { width: 200 }).pixels)).toBeGreaterThan(hello * 1.5);
  });

  it('falls back to the bundled font for families no machine is guaranteed to have', () => {
    const bundled = rasterizeSvg(textSvg('Hello'), { width: 200 }).pixels;
    for (const family of ['No Such Font', 'system-ui, sans-serif', 'monospace']) {
      const pixels = rasterizeSvg(textSvg('Hello', family), { width: 200 }).pixels;
      expect(darkPixels(pixels)).toBeGreaterThan(300);
      expect(pixels.equals(bundled)).toBe(true);
    }
  });

  it('draws arrows the bundled font lacks with characters it has', () => {
    const arrow = rasterizeSvg(textSvg('Tweets →'), { width: 200 }).pixels;
    const ascii = rasterizeSvg(textSvg('Tweets -&gt;'), { width: 200 }).pixels;
    expect(arrow.equals(ascii)).toBe(true);
    const up = rasterizeSvg(textSvg('↑ Share'), { width: 200 }).pixels;
    expect(up.equals(rasterizeSvg(textSvg('Share'), { width: 200 }).pixels)).toBe(true);
  });

  it('is deterministic: the same SVG gives the same bytes', () => {
    const svg = chartSvg();
    expect(svgToPng(svg, { width: 1280 }).equals(svgToPng(svg, { width: 1280 }))).toBe(true);
  });

  it('refuses widths that are not a sensible whole number of pixels', () => {
    for (const width of [0, -5, 12.5, Number.NaN, 100_000]) {
      expect(() => svgToPng(textSvg('Hi'), { width })).toThrow(RangeError);
    }
  });
});
