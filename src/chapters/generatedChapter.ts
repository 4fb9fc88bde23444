import type { DimensionReport } from '../model/report.ts';
import type { ChartReport } from '../model/chartReport.ts';

/** Generated chapters come after the authored findings and discussion, before appendices. */
export const generatedChapterOrder = 60;

/**
 * The MDX of a chapter for one dimension. It holds only ids, which the schemas restrict to
 * a safe alphabet, and component calls: every word of data reaches the page through the
 * components' props, so MDX or HTML in a code label or an excerpt stays literal text.
 */
export function generatedChapterMdx(dimension: DimensionReport, charts: readonly ChartReport[], index: number): string {
  const placed = charts.filter((chart) => chart.dimensions.includes(dimension.id));
  const hasExemplars = Object.keys(dimension.exemplars).length > 0;
  return [
    '---',
    `dimension: ${dimension.id}`,
    `order: ${generatedChapterOrder + index}`,
    '---',
    '',
    `<DimensionIntro dimension="${dimension.id}" />`,
    '',
    ...placed.flatMap((chart) => [`<Chart id="${chart.id}" />`, '']),
    '## Summary',
    '',
    `<DimensionSummary dimension="${dimension.id}" />`,
    '',
    '## Codes and definitions',
    '',
    `<CodeDefinitions dimension="${dimension.id}" />`,
    '',
    ...(hasExemplars ? ['## Examples', '', `<Exemplars dimension="${dimension.id}" />`, ''] : []),
  ].join('\n');
}
