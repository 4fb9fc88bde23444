import type * as Plot from '@observablehq/plot';

/** What every chart shares, so the kinds look like one family. */
export const chartTheme = {
  width: 640,
  style: { fontSize: '13px', fontFamily: 'system-ui, sans-serif', background: 'transparent', color: 'currentColor', overflow: 'visible' },
} satisfies Partial<Plot.PlotOptions>;

/** Room for the longest category label on a horizontal chart, estimated at 7 px a character. */
export function labelMargin(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.min(260, 16 + longest * 7);
}
