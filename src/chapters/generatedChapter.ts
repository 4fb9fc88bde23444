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

/** The codebook appendix made for a study with agreement figures that writes none of its own. */
export const codebookAppendixId = 'codebook';
export const codebookAppendixTitle = 'Appendix: Codebook';
const appendixOrder = 100;

/**
 * The MDX of the codebook appendix: every dimension's codes with their definitions, and the
 * agreement between coders. Like a dimension's chapter, it holds only ids and components.
 */
export function codebookAppendixMdx(dimensions: readonly DimensionReport[]): string {
  return [
    '---',
    `title: "${codebookAppendixTitle}"`,
    `order: ${appendixOrder}`,
    '---',
    '',
    'This appendix lists every coding dimension with the definitions of its codes, and how far coders',
    'who coded the same units independently agreed in applying them.',
    '',
    '## Codes and definitions',
    '',
    ...dimensions.flatMap((dimension) => [`<CodeDefinitions dimension="${dimension.id}" />`, '']),
    '## Agreement between coders',
    '',
    '<ReliabilityTable />',
    '',
  ].join('\n');
}
