import type * as Plot from '@observablehq/plot';
import type { ChartRow } from '../model/chartReport.ts';

/**
 * What every chart shares, so the kinds look like one family. Colours are CSS custom
 * properties with fallbacks: the page's stylesheet adapts them to dark mode, and the
 * downloads replace them by their (light) fallbacks.
 */
export const chartTheme = {
  style: { fontSize: '13px', fontFamily: 'system-ui, sans-serif', background: 'transparent', color: 'currentColor', overflow: 'visible' },
} satisfies Partial<Plot.PlotOptions>;

/** The main bar colour, and a lighter one for codes nested under another. */
export const barColour = 'var(--chart-bar, #2b6cb0)';
export const nestedBarColour = 'var(--chart-bar-nested, #90bde6)';
export const mutedColour = 'var(--chart-muted, #b8b8b8)';

/**
 * Okabe and Ito's colour-blind-safe palette (without black), for categories that must be
 * told apart. Each is a custom property so dark mode can lighten them.
 */
export const categoricalColours = [
  'var(--chart-cat-1, #0072b2)',
  'var(--chart-cat-2, #e69f00)',
  'var(--chart-cat-3, #009e73)',
  'var(--chart-cat-4, #cc79a7)',
  'var(--chart-cat-5, #56b4e9)',
  'var(--chart-cat-6, #d55e00)',
  'var(--chart-cat-7, #f0e442)',
  'var(--chart-cat-8, #999999)',
] as const;

/** Sequential blues for heatmaps, light to dark, drawn as discrete steps with an SVG legend. */
export const sequentialColours = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

/**
 * The two widths every chart is drawn at: the wide one for screens and print, and a narrow
 * one for phones, where the wide drawing scaled down would shrink its text below legibility.
 */
export const chartWidths = { wide: 640, narrow: 360 } as const;
export type ChartWidth = (typeof chartWidths)[keyof typeof chartWidths];

export function isNarrow(width: number): boolean {
  return width < 500;
}

/**
 * An x axis label below the tick labels rather than beside the last one, where it would
 * collide with a long tick ("100" and "Share"): centred, a line under the ticks.
 */
export const bottomAxisLabel = { marginBottom: 44, x: { labelAnchor: 'center', labelOffset: 38 } } as const;

/** Plot measures wrapping widths in ems of the 13 px chart font. */
export function emsFor(pixels: number): number {
  return pixels / 13;
}

/** Nested codes are drawn under their parent, indented by a dot per level. */
export function indentedLabel(label: string, depth: number): string {
  return depth === 0 ? label : `${'· '.repeat(depth)}${label}`;
}

/** Rows with the label each is drawn under: nested codes indented below their parent. */
export function withDisplayLabels(rows: readonly ChartRow[]): (ChartRow & { display: string })[] {
  return rows.map((row) => ({ ...row, display: indentedLabel(String(row.label), Number(row.depth ?? 0)) }));
}

/** What a split chart calls units with no code on the splitting dimension, so totals stay whole. */
export const notCodedLabel = 'Not coded';

/**
 * The segments of a split chart (its rows' `label`s, in order) and a colour for each:
 * categorical colours, and grey for "Not coded". Empty when the chart is not split.
 */
export function splitSegments(rows: readonly ChartRow[]): { labels: string[]; colours: string[] } {
  const labels = [
    ...new Set(
      rows
        .map((row) => row.label)
        .filter((label) => label !== undefined)
        .map(String),
    ),
  ];
  const colours = labels.map((label, index) =>
    label === notCodedLabel ? mutedColour : categoricalColours[index % categoricalColours.length]!,
  );
  return { labels, colours };
}
