import { z } from 'zod';
import { commonChartFields } from '../../schemas/chart.ts';
import { identifier } from '../../schemas/primitives.ts';
import * as Plot from '@observablehq/plot';
import { formatCount, formatShare } from '../../format/format.ts';
import type { ChartContext, ChartKind } from '../chartKind.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { barColour, bottomAxisLabel, chartTheme } from '../theme.ts';
import { labelFontSize } from '../labels.ts';
import { wrapText } from '../export/wrapText.ts';

/** A definition of this kind, as written in content/charts/<id>.yaml. */
export const comparisonChart = z.strictObject({
  ...commonChartFields,
  kind: z.literal('comparison'),
  measures: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        dimension: identifier,
        /** Counted when a unit (or participant) has any of these codes, or a code nested under them. */
        codes: z.array(identifier).min(1),
      }),
    )
    .min(2, { error: 'expected at least two measures to compare' }),
});

type Definition = z.infer<typeof comparisonChart>;
type Measure = Definition['measures'][number];

/**
 * Several measures side by side, each a share of its own denominator: for instance what
 * participants said a thing gives them, beside what they did and what changed.
 */
export const comparison: ChartKind<Definition> = {
  name: 'comparison',
  schema: comparisonChart,
  checkReferences(definition, references) {
    definition.measures.forEach((measure, index) => {
      const dimension = references.dimension(measure.dimension, ['measures', index, 'dimension']);
      if (dimension) measure.codes.forEach((code, codeIndex) => references.code(dimension, code, ['measures', index, 'codes', codeIndex]));
    });
  },
  // It compares chosen codes; each dimension's full distribution still gets its own chart.
  shows: () => ({}),
  measures: (definition) => ({
    anyOf: definition.measures.map(({ dimension, codes }) => ({ dimension, codes })),
    coverage: [{ dimensions: measuredDimensions(definition) }],
  }),
  tabulate(definition, context) {
    const language = context.language;
    const rows = definition.measures.map((measure) => measureRow(measure, context));
    const datasets = [...new Set(definition.measures.map((measure) => context.dimension(measure.dimension).dataset))];
    const phrase = (row: ChartRow) =>
      `${row.measure}: ${formatCount(Number(row.n), language)} of ${formatCount(Number(row.of), language)} ${row.counted} (${formatShare(Number(row.share), language)})`;
    return {
      dataset: datasets[0]!,
      dimensions: [...new Set(definition.measures.map((measure) => measure.dimension))],
      columns: [
        { key: 'measure', label: 'Measure', type: 'text' },
        { key: 'n', label: 'Count', type: 'count' },
        { key: 'of', label: 'Out of', type: 'count' },
        { key: 'counted', label: 'Counted in', type: 'text' },
        { key: 'share', label: 'Share', type: 'share' },
      ],
      rows,
      // Units coded on any measured dimension, and their participants, each counted once.
      n: unitsAndParticipants(context.coverage({ dimensions: measuredDimensions(definition) })),
      sourceLine: `${datasets.map((id) => context.datasetSummary(id).label).join(' and ')}; each measure is a share of its own total, given above its bar.`,
      description: `${rows.length} measures side by side. ${rows.map(phrase).join('. ')}.`,
    };
  },

  plot(chart, language, width) {
    // Measures are sentences: each is written above its bar, wrapped to the chart's width,
    // rather than squeezed into a margin. One measure is one series: one colour.
    const phrase = (row: ChartRow) =>
      `${row.measure}: ${formatCount(Number(row.n), language)} of ${formatCount(Number(row.of), language)} ${row.counted} (${formatShare(Number(row.share), language)})`;
    const marginTop = 10;
    const bar = 18;
    let cursor = marginTop;
    // Laid out top to bottom in pixels (an identity y scale): each phrase's lines, then its bar.
    const placed = chart.rows.map((row) => {
      const lines = wrapText(phrase(row), { maxWidth: width - 24, fontSize: labelFontSize, maxLines: 4 });
      const textTop = cursor;
      const barTop = textTop + lines.length * labelFontSize + 5;
      cursor = barTop + bar + 16;
      return { ...row, lines: lines.join('\n'), full: phrase(row), textTop, barTop, barBottom: barTop + bar };
    });
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: cursor + bottomAxisLabel.marginBottom,
      marginTop,
      marginLeft: 8,
      marginRight: 16,
      marginBottom: bottomAxisLabel.marginBottom,
      x: { label: 'Share', percent: true, domain: [0, 100], grid: true, ...bottomAxisLabel.x },
      y: { type: 'identity', axis: null },
      marks: [
        Plot.rectX(placed, {
          x1: 0,
          x2: 'share',
          y1: 'barTop',
          y2: 'barBottom',
          fill: barColour,
          title: (row: ChartRow) => `${row.measure}: ${formatShare(Number(row.share), language)}`,
        }),
        Plot.text(placed, {
          x: 0,
          y: 'textTop',
          text: 'lines',
          title: 'full',
          textAnchor: 'start',
          lineAnchor: 'top',
          lineWidth: Infinity,
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
      ],
    };
    return { plot };
  },
};

/** A measure's row: its count, out of its dimension's coded units or participants. */
function measureRow(measure: Measure, context: ChartContext): ChartRow {
  const dimension = context.dimension(measure.dimension);
  const dataset = context.datasetSummary(dimension.dataset);
  const { n, of } = context.anyOf({ dimension: measure.dimension, codes: measure.codes });
  const counted = dimension.countBy === 'participants' ? context.report.participants.label[1] : `coded ${dataset.unit[1]}`;
  return { measure: measure.label, dimension: dimension.label, n, of, counted, share: of === 0 ? 0 : n / of };
}

function measuredDimensions(definition: Definition): string[] {
  return [...new Set(definition.measures.map((measure) => measure.dimension))];
}

function unitsAndParticipants({ units, participants }: { units: number; participants: number }): { units: number; participants: number } {
  return { units, participants };
}
