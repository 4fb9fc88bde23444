import * as Plot from '@observablehq/plot';
import type { z } from 'zod';
import { codeAncestry, countedCodes } from '../../analyse/codeAncestry.ts';
import { formatCount, formatShare } from '../../format/format.ts';
import type { comparisonChart } from '../../schemas/chart.ts';
import type { ChartContext, ChartKind } from '../chartContext.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { categoricalColours, chartTheme, emsFor, isNarrow } from '../theme.ts';

type Definition = z.infer<typeof comparisonChart>;
type Measure = Definition['measures'][number];

/**
 * Several measures side by side, each a share of its own denominator: for instance what
 * participants said a thing gives them, beside what they did and what changed.
 */
export const comparison: ChartKind<Definition> = {
  tabulate(definition, context) {
    const language = context.language;
    const rows = definition.measures.map((measure) => measureRow(measure, context));
    const datasets = [...new Set(definition.measures.map((measure) => context.dimension(measure.dimension).dataset))];
    const phrase = (row: ChartRow) => `${row.measure}: ${formatCount(Number(row.n), language)} of ${formatCount(Number(row.of), language)} ${row.counted} (${formatShare(Number(row.share), language)})`;
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
      n: behind(definition, context),
      sourceLine: `${datasets.map((id) => context.datasetSummary(id).label).join(' and ')}; each measure is a share of its own total, given beside it.`,
      description: `${rows.length} measures side by side. ${rows.map(phrase).join('. ')}.`,
    };
  },

  plot(chart, language, width) {
    const labels = chart.rows.map((row) => String(row.measure));
    // Measures are sentences: each is written above its bar rather than squeezed into a margin.
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 40 + labels.length * (isNarrow(width) ? 84 : 56),
      marginLeft: 8,
      marginRight: 16,
      x: { label: 'Share', percent: true, domain: [0, 100], grid: true },
      y: { label: null, domain: labels, axis: null, paddingInner: isNarrow(width) ? 0.65 : 0.55, paddingOuter: 0.5 },
      color: { domain: labels, range: labels.map((_, index) => categoricalColours[index % categoricalColours.length]!) },
      marks: [
        Plot.barX(chart.rows, { x: 'share', y: 'measure', fill: 'measure', title: (row: ChartRow) => `${row.measure}: ${formatShare(Number(row.share), language)}` }),
        Plot.text(chart.rows, {
          x: 0,
          y: 'measure',
          text: (row: ChartRow) => `${row.measure}: ${formatCount(Number(row.n), language)} of ${formatCount(Number(row.of), language)} ${row.counted} (${formatShare(Number(row.share), language)})`,
          textAnchor: 'start',
          lineAnchor: 'bottom',
          dy: isNarrow(width) ? -16 : -14,
          fill: 'currentColor',
          lineWidth: emsFor(width - 24),
        }),
        Plot.ruleX([0]),
      ],
    };
    return { plot };
  },
};

/** Units, or distinct participants, with any of the measure's codes (or codes nested under them). */
function measureRow(measure: Measure, context: ChartContext): ChartRow {
  const dimension = context.dimension(measure.dimension);
  const dataset = context.dataset(dimension.dataset);
  const ancestry = codeAncestry(context.study.dimensions.find((candidate) => candidate.id === dimension.id)!.codes);
  const wanted = new Set(measure.codes);
  const coded = dataset.units.filter((unit) => (unit.codes[dimension.id]?.length ?? 0) > 0);
  const matching = coded.filter((unit) => countedCodes(unit.codes[dimension.id]!, ancestry).some((code) => wanted.has(code)));
  const byParticipants = dimension.countBy === 'participants';
  const n = byParticipants ? new Set(matching.map((unit) => unit.participant)).size : matching.length;
  const of = byParticipants ? new Set(coded.map((unit) => unit.participant)).size : coded.length;
  const counted = byParticipants ? context.report.participants.label[1] : `coded ${dataset.unit[1]}`;
  return { measure: measure.label, dimension: dimension.label, n, of, counted, share: of === 0 ? 0 : n / of };
}

/**
 * The units and participants behind the chart, each counted once: units coded on any measured
 * dimension, and their participants. (Adding up each measure's coded units counted a unit again
 * for every measure of its dimension, and the study's participants included those with no unit.)
 */
function behind(definition: Definition, context: ChartContext): { units: number; participants: number } {
  const dimensions = [...new Set(definition.measures.map((measure) => measure.dimension))].map((id) => context.dimension(id));
  const datasets = [...new Set(dimensions.map((dimension) => dimension.dataset))];
  const units = datasets.flatMap((id) =>
    context.dataset(id).units.filter((unit) => dimensions.some((dimension) => dimension.dataset === id && (unit.codes[dimension.id]?.length ?? 0) > 0)),
  );
  return { units: units.length, participants: new Set(units.map((unit) => unit.participant)).size };
}
