import * as Plot from '@observablehq/plot';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { standaloneSvg } from '../../../src/charts/export/standaloneSvg.ts';
import { renderPlot } from '../../../src/charts/renderPlot.ts';
import { chartTheme } from '../../../src/charts/theme.ts';

const rows = [
  { label: 'Vaccine safety', n: 120 },
  { label: 'Access & cost', n: 80 },
  { label: 'Trust <doctors>', n: 33 },
];

/** The inline SVG a page shows: themed like the real charts, with CSS variables and currentColor. */
function inlineChart(): string {
  return renderPlot(
    {
      title: 'Barriers: tweets per code',
      description: 'Vaccine safety ranks first with 120 tweets.',
      plot: {
        ...chartTheme,
        marginLeft: 120,
        x: { label: 'Tweets →', grid: true },
        y: { label: null },
        marks: [
          Plot.barX(rows, { x: 'n', y: 'label', fill: 'var(--chart-bar, #2b6cb0)' }),
          Plot.text(rows, { x: 'n', y: 'label', text: 'n', dx: 4, textAnchor: 'start', fill: 'currentColor' }),
          Plot.ruleX([0]),
        ],
      },
    },
    'barriers',
  );
}

function parse(svg: string) {
  // eslint-disable-next-line no-restricted-syntax -- linkedom types: parseFromString gives linkedom's own SVGDocument, not the DOM's Document.
  return new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
}

const options = { title: 'Barriers to vaccination, per code', source: 'Source: Vaccine talk on Twitter (2014)' };

describe('standaloneSvg', () => {
  it('starts from a chart that depends on the page', () => {
    const inline = inlineChart();
    expect(inline).toContain('var(--chart-bar');
    expect(inline).toContain('currentColor');
    expect(inline).not.toContain('xmlns=');
  });

  it('is a complete SVG document with one <svg> root, namespace and explicit size', () => {
    const svg = standaloneSvg(inlineChart(), options);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const document = parse(svg);
    expect(document.children).toHaveLength(1);
    const root = document.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).toBeGreaterThan(640);
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(0);
    expect(root.getAttribute('viewBox')).toMatch(/^0 0 [\d.]+ [\d.]+$/);
  });

  it('replaces every CSS variable and currentColor by concrete colours', () => {
    const svg = standaloneSvg(inlineChart(), options);
    expect(svg).not.toContain('var(--');
    expect(svg).not.toMatch(/currentcolor/i);
    expect(svg).toContain('fill="#2b6cb0"');
    expect(svg).toContain('#1a1a1a');
  });

  it('resolves any var(--name, fallback), such as a categorical palette', () => {
    const palette = ['var(--chart-cat-1, #0072b2)', 'var(--chart-cat-2, #e69f00)', 'var(--chart-cat-3, #009e73)'];
    const inline = renderPlot(
      {
        title: 'Palette',
        description: 'Three groups.',
        plot: {
          ...chartTheme,
          color: { domain: ['a', 'b', 'c'], range: palette },
          marks: [Plot.barY(['a', 'b', 'c'], { x: (d: string) => d, y: () => 1, fill: (d: string) => d })],
        },
      },
      'palette',
    );
    expect(inline).toContain('var(--chart-cat-2, #e69f00)');
    const svg = standaloneSvg(inline, { title: 'Palette', source: 'Source: test' });
    expect(svg).not.toContain('var(--');
    for (const colour of ['#0072b2', '#e69f00', '#009e73']) expect(svg).toContain(colour);
  });

  it('draws on white, in the bundled font, with the title above and the source below', () => {
    const root = parse(standaloneSvg(inlineChart(), options)).documentElement;
    const background = root.querySelector('rect')!;
    expect(background.getAttribute('fill')).toBe('#ffffff');
    expect(background.getAttribute('width')).toBe(root.getAttribute('viewBox')!.split(' ')[2]);
    expect(root.getAttribute('font-family')).toBe("'Atkinson Hyperlegible', sans-serif");
    expect(root.outerHTML).not.toContain('system-ui');

    const texts = [...root.children].filter((child) => child.localName === 'text');
    expect(texts.map((text) => text.textContent)).toEqual([options.title, options.source]);
    const chart = root.querySelector('svg')!;
    const y = (element: Element) => Number(element.querySelector('tspan')?.getAttribute('y') ?? element.getAttribute('y'));
    expect(y(texts[0]!)).toBeLessThan(y(chart));
    expect(y(texts[1]!)).toBeGreaterThan(y(chart) + Number(chart.getAttribute('height')));
  });

  it('keeps the chart accessible: its title and description name the file', () => {
    const root = parse(standaloneSvg(inlineChart(), options)).documentElement;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('barriers-title');
    expect(root.querySelector('title')?.textContent).toBe('Barriers: tweets per code');
    expect(root.querySelector('title')?.parentElement).toBe(root);
    expect(root.querySelector('desc')?.textContent).toContain('Vaccine safety ranks first');
    expect(root.querySelector('svg')?.hasAttribute('class')).toBe(false);
  });

  it('escapes text from the data: a hostile title stays literal text', () => {
    const title = '</svg><script>alert(1)</script> & "quoted" \'single\'';
    const svg = standaloneSvg(inlineChart(), { title, source: 'Source: <b>A & B</b>' });
    const document = parse(svg);
    expect(document.children).toHaveLength(1);
    expect(document.documentElement.localName).toBe('svg');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(svg).not.toContain('<script');
    const shown = [...document.documentElement.children].filter((child) => child.localName === 'text').map((text) => text.textContent);
    expect(shown).toEqual([title, 'Source: <b>A & B</b>']);
    // Data labels inside the chart too.
    expect(svg).toContain('Trust &lt;doctors&gt;');
  });

  it('drops scripts and event handlers that reached the chart', () => {
    const hostile =
      '<svg viewBox="0 0 100 50" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" onclick="alert(3)"/></svg>';
    const svg = standaloneSvg(hostile, options);
    expect(svg).not.toMatch(/script|onload|onclick|alert/);
  });

  it('declares the xlink namespace only when the chart uses it', () => {
    expect(standaloneSvg(inlineChart(), options)).not.toContain('xmlns:xlink');
    const withLink = '<svg viewBox="0 0 100 50"><a xlink:href="https://example.org"><rect width="10" height="10"/></a></svg>';
    const root = parse(standaloneSvg(withLink, options)).documentElement;
    expect(root.getAttribute('xmlns:xlink')).toBe('http://www.w3.org/1999/xlink');
  });

  it('scales to a requested display width, keeping the proportions', () => {
    const natural = parse(standaloneSvg(inlineChart(), options)).documentElement;
    const wide = parse(standaloneSvg(inlineChart(), { ...options, width: 1360 })).documentElement;
    expect(wide.getAttribute('width')).toBe('1360');
    expect(wide.getAttribute('viewBox')).toBe(natural.getAttribute('viewBox'));
    const ratio = (root: Element) => Number(root.getAttribute('width')) / Number(root.getAttribute('height'));
    expect(ratio(wide)).toBeCloseTo(ratio(natural), 2);
  });

  it('refuses markup that is not a single SVG', () => {
    expect(() => standaloneSvg('<div>not a chart</div>', options)).toThrow(/single <svg>/);
    expect(() => standaloneSvg('<svg></svg>', options)).toThrow(/size is unknown/);
  });
});
