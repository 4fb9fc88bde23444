import type { ChartReport } from './chartReport.ts';
import { kindOf } from './kinds/index.ts';
import { renderPlot } from './renderPlot.ts';
import { chartWidths } from './theme.ts';

export type ChartVariant = keyof typeof chartWidths;

const rendered = new Map<string, string>();

/**
 * A chart's inline SVG at one of its two widths, rendered once per build however many
 * pages and downloads use it (its figure, its page, its embed page, its SVG and PNG files).
 */
export function chartSvg(chart: ChartReport, language: string, variant: ChartVariant = 'wide'): string {
  const key = `${chart.id}\u0000${variant}`;
  let svg = rendered.get(key);
  if (svg === undefined) {
    const { plot, legend } = kindOf(chart.definition).plot(chart as ChartReport & { definition: typeof chart.definition }, language, chartWidths[variant]);
    // Ids differ per variant: both drawings are in the page, one hidden by CSS.
    svg = renderPlot({ plot, title: chart.definition.title, description: chart.description, ...(legend ? { legend } : {}) }, `chart-${chart.id}-${variant}`);
    rendered.set(key, svg);
  }
  return svg;
}
