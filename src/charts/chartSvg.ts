import type { ChartReport } from '../model/chartReport.ts';
import { cachedText } from './export/chartCache.ts';
import { kindOf } from './kinds/index.ts';
import { renderPlot } from './renderPlot.ts';
import { chartWidths } from './theme.ts';

export type ChartVariant = keyof typeof chartWidths;

// Keyed by the chart object: a rebuilt report (astro dev after a data change) brings new
// chart objects, so a drawing never outlives the data it was drawn from.
const rendered = new WeakMap<ChartReport, Map<ChartVariant, string>>();

/**
 * A chart's inline SVG at one of its two widths, rendered once per build however many
 * pages and downloads use it (its figure, its page, its embed page, its SVG and PNG files).
 */
export function chartSvg(chart: ChartReport, language: string, variant: ChartVariant = 'wide'): string {
  const drawings = rendered.get(chart) ?? new Map<ChartVariant, string>();
  rendered.set(chart, drawings);
  let svg = drawings.get(variant);
  if (svg === undefined) {
    // All a kind's plot reads is the chart, the language and the width: the key covers them all.
    svg = cachedText('inline.svg', { chart, language, variant }, chart.id, () => {
      const { plot, legend } = kindOf(chart.definition).plot(chart, language, chartWidths[variant]);
      // Ids differ per variant: both drawings are in the page, one hidden by CSS.
      return renderPlot(
        { plot, title: chart.definition.title, description: chart.description, ...(legend ? { legend } : {}) },
        `chart-${chart.id}-${variant}`,
      );
    });
    drawings.set(variant, svg);
  }
  return svg;
}
