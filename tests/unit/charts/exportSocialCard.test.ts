import * as Plot from '@observablehq/plot';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { socialCard, socialCardSvg } from '../../../src/charts/export/socialCard.ts';
import { standaloneSvg } from '../../../src/charts/export/standaloneSvg.ts';
import { rasterizeSvg } from '../../../src/charts/export/svgToPng.ts';
import { renderPlot } from '../../../src/charts/renderPlot.ts';
import { chartTheme } from '../../../src/charts/theme.ts';

const bar = [0x2b, 0x6c, 0xb0];

function chartSvg(): string {
  const rows = [
    { label: 'Vaccine safety', n: 120 },
    { label: 'Access and cost', n: 80 },
    { label: 'Trust in doctors', n: 33 },
  ];
  const inline = renderPlot(
    {
      title: 'Barriers: tweets per code',
      description: 'Three codes.',
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
  return standaloneSvg(inline, { title: 'Barriers: tweets per code', source: 'Source: test data' });
}

const options = {
  chartSvg: chartSvg(),
  title: 'Barriers to vaccination in tweets about the 2014 measles outbreak',
  subtitle: 'Tweets per code',
  reportTitle: 'Vaccine talk on Twitter',
  site: 'example.org/vaccine-talk',
  illustrative: true,
};

function parse(svg: string): Element {
  // eslint-disable-next-line no-restricted-syntax -- linkedom types: parseFromString gives linkedom's own SVGDocument, not the DOM's Document.
  return (new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document).documentElement;
}

function texts(svg: string): string[] {
  return [...parse(svg).querySelectorAll('text')].filter((text) => !text.closest('svg[data-part]')).map((text) => text.textContent ?? '');
}

/** Pixels in the bar colour, in raw RGBA, within rows [top, bottom). */
function barPixels(pixels: Buffer, width: number, top: number, bottom: number): number {
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < width; x++) {
      const index = (y * width + x) * 4;
      if (
        Math.abs(pixels[index]! - bar[0]!) < 6 &&
        Math.abs(pixels[index + 1]! - bar[1]!) < 6 &&
        Math.abs(pixels[index + 2]! - bar[2]!) < 6
      )
        count++;
    }
  }
  return count;
}

describe('socialCard', () => {
  it('is a 1200 × 630 PNG', () => {
    const png = socialCard(options);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  it('says which report and site it comes from, and that the data are illustrative', () => {
    expect(texts(socialCardSvg(options))).toEqual([
      'Vaccine talk on Twitter',
      'Barriers to vaccination in tweets about the 2014 measles outbreak',
      'Tweets per code',
      'Illustrative data',
      'example.org/vaccine-talk',
    ]);
    expect(texts(socialCardSvg({ ...options, illustrative: false, subtitle: undefined }))).not.toContain('Illustrative data');
  });

  it('draws the chart, without its own title and source, into the space between headline and footer', () => {
    const card = parse(socialCardSvg(options));
    const chart = card.querySelector('svg[data-part="chart"]')!;
    expect(chart.getAttribute('preserveAspectRatio')).toBe('xMidYMid meet');
    expect(card.outerHTML).not.toContain('Source: test data');
    const top = Number(chart.getAttribute('y'));
    const bottom = top + Number(chart.getAttribute('height'));
    // resvg renders the nested <svg>: bars appear inside the chart's area and nowhere else.
    const { pixels, width } = rasterizeSvg(socialCardSvg(options), { width: 1200 });
    expect(barPixels(pixels, width, Math.ceil(top), Math.floor(bottom))).toBeGreaterThan(20_000);
    expect(barPixels(pixels, width, 20, Math.floor(top))).toBe(0);
    expect(barPixels(pixels, width, Math.ceil(bottom), 630)).toBe(0);
  });

  it('also takes an SVG that is not from standaloneSvg, using all of it', () => {
    const plain = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="#2b6cb0"/></svg>';
    const { pixels, width } = rasterizeSvg(socialCardSvg({ ...options, chartSvg: plain }), { width: 1200 });
    expect(barPixels(pixels, width, 0, 630)).toBeGreaterThan(50_000);
  });

  it('wraps a long headline to at most three lines, ending in an ellipsis', () => {
    const title = `${'A very long chart title that keeps going '.repeat(8)}end`;
    const headline = parse(socialCardSvg({ ...options, title })).querySelector('text[font-weight="700"]')!;
    const lines = [...headline.querySelectorAll('tspan')].map((tspan) => tspan.textContent ?? '');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
    expect(lines.join(' ')).not.toContain('end');
  });

  it('keeps a short headline large, on one line', () => {
    const headline = parse(socialCardSvg({ ...options, title: 'Barriers' })).querySelector('text[font-weight="700"]')!;
    expect(headline.querySelectorAll('tspan')).toHaveLength(1);
    expect(headline.getAttribute('font-size')).toBe('48');
  });

  it('escapes text from the data', () => {
    const svg = socialCardSvg({ ...options, title: '</svg><script>alert(1)</script>', site: 'a&b<c>' });
    const root = parse(svg);
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect(texts(svg)).toContain('</svg><script>alert(1)</script>');
    expect(texts(svg)).toContain('a&b<c>');
  });

  it('is deterministic', () => {
    expect(socialCard(options).equals(socialCard(options))).toBe(true);
  });
});
