import { z } from 'zod';
import { commonChartFields } from '../../schemas/chart.ts';
import { identifier } from '../../schemas/primitives.ts';
import * as Plot from '@observablehq/plot';
import { countOf, formatCount, formatShare, capitalise } from '../../format/format.ts';
import type { ChartKind } from '../chartKind.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import type { DimensionReport } from '../../model/report.ts';
import { isNarrow, barColour, bottomAxisLabel, chartTheme, withDisplayLabels } from '../theme.ts';
import { categoryAxisY, labelMargin, rowHeight, textWidth } from '../labels.ts';

/** A definition of this kind, as written in content/charts/<id>.yaml. */
export const participantsReportingChart = z.strictObject({
  ...commonChartFields,
  kind: z.literal('participants-reporting'),
  dimension: identifier,
});

type Definition = z.infer<typeof participantsReportingChart>;

/** Beyond this many participants a row of dots stops being countable at a glance: draw bars. */
const mostDots = 40;

/**
 * A dimension counted by participants, few enough to draw one dot each, is shown by default
 * as participants reporting each code ("2 of 17"); every other dimension as a distribution.
 */
export function drawsDots(dimension: DimensionReport): boolean {
  return dimension.countBy === 'participants' && dimension.codedParticipants <= mostDots;
}

/** How many participants reported each code ("2 of 17"), one dot per participant. */
export const participantsReporting: ChartKind<Definition> = {
  name: 'participants-reporting',
  schema: participantsReportingChart,
  checkReferences: (definition, references) => void references.dimension(definition.dimension, ['dimension']),
  shows: (definition) => ({ dimensions: [definition.dimension] }),
  defaultFor: (subject) =>
    subject.type === 'dimension' && drawsDots(subject.dimension)
      ? {
          kind: 'participants-reporting',
          dimension: subject.dimension.id,
          title: `${subject.dimension.label}: ${subject.report.participants.label[1]} reporting each code`,
          notes: [],
        }
      : undefined,
  tabulate(definition, context) {
    const dimension = context.dimension(definition.dimension);
    const dataset = context.datasetSummary(dimension.dataset);
    const language = context.language;
    const people = context.report.participants.label;
    const of = dimension.codedParticipants;
    // Participants with at least one unit coded this way, whatever the dimension counts.
    const reporting = (code: string) => dimension.byParticipant.filter((group) => (group.counts[code] ?? 0) > 0).length;
    const rows: ChartRow[] = dimension.codes.map((code) => {
      const n = reporting(code.id);
      return { code: code.id, label: code.label, depth: code.depth, n, of, share: of === 0 ? 0 : n / of };
    });
    const phrase = (row: ChartRow) =>
      `${row.label} (${formatCount(Number(row.n), language)} of ${formatCount(of, language)} ${people[1]}, ${formatShare(Number(row.share), language)})`;
    const ranked = [...rows].filter((row) => Number(row.depth) === 0).sort((a, b) => Number(b.n) - Number(a.n));
    // Ties are said as ties (as in describeRanking): naming one of several level codes would rank them.
    const most = ranked.filter((row) => row.n === ranked[0]?.n);
    const least = ranked.filter((row) => row.n === ranked.at(-1)?.n);
    return {
      dataset: dataset.id,
      dimensions: [dimension.id],
      columns: [
        { key: 'label', label: 'Code', type: 'text' },
        { key: 'n', label: `${capitalise(people[1])} reporting`, type: 'count' },
        { key: 'of', label: `${capitalise(people[1])} with coded ${dataset.unit[1]}`, type: 'count' },
        { key: 'share', label: 'Share', type: 'share' },
      ],
      rows,
      variant: of <= mostDots ? 'dots' : 'bars',
      n: { units: dimension.codedUnits, participants: of },
      sourceLine: `${dataset.label}, n = ${countOf(of, people, language)} with at least one coded ${dataset.unit[0]} (${countOf(dimension.codedUnits, dataset.unit, language)}).`,
      description:
        `${dimension.label}: ${countOf(of, people, language)} had ${dataset.unit[1]} coded on this dimension.` +
        (most.length > 0 ? ` Reported most often: ${most.map(phrase).join(' and ')}.` : '') +
        (most.length < ranked.length ? ` Least often: ${least.map(phrase).join(' and ')}.` : ''),
    };
  },

  plot(chart, language, width) {
    const rows = withDisplayLabels(chart.rows);
    const labels = rows.map((row) => row.display);
    const of = Number(rows[0]?.of ?? 0);
    const value = (row: ChartRow) => `${formatCount(Number(row.n), language)} of ${formatCount(of, language)}`;
    // Room for the longest "n of N" after its bar or row of dots.
    const valueRoom = Math.ceil(Math.max(0, ...rows.map((row) => textWidth(value(row)))));
    const text = Plot.text(rows, {
      x: chart.variant === 'dots' ? of : 'share',
      y: 'display',
      text: value,
      textAnchor: 'start',
      dx: chart.variant === 'dots' ? 14 : 4,
      fill: 'currentColor',
    });
    if (chart.variant !== 'dots') {
      const plot: Plot.PlotOptions = {
        ...chartTheme,
        width,
        height: 20 + bottomAxisLabel.marginBottom + rows.length * rowHeight(labels, width),
        marginLeft: labelMargin(labels, width),
        marginRight: 12 + valueRoom,
        marginBottom: bottomAxisLabel.marginBottom,
        x: { label: 'Share of participants', percent: true, domain: [0, 100], grid: true, ...bottomAxisLabel.x },
        y: { label: null, domain: labels, axis: null },
        marks: [Plot.barX(rows, { x: 'share', y: 'display', fill: barColour }), text, Plot.ruleX([0]), categoryAxisY(labels, width)],
      };
      return { plot };
    }
    // One dot per participant: filled for those reporting the code, hollow for the rest.
    const dots = rows.flatMap((row) =>
      Array.from({ length: of }, (_, index) => ({ display: row.display, position: index + 1, filled: index < Number(row.n) })),
    );
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 44 + rows.length * rowHeight(labels, width),
      marginLeft: labelMargin(labels, width),
      marginRight: 90,
      x: { label: null, domain: [0.5, of + 0.5], axis: null },
      y: { label: null, domain: labels, axis: null },
      marks: [
        categoryAxisY(labels, width),
        Plot.dot(dots, {
          x: 'position',
          y: 'display',
          r: isNarrow(width) ? Math.min(5, Math.max(2, 60 / Math.max(1, of))) : 5,
          fill: (dot: { filled: boolean }) => (dot.filled ? barColour : 'none'),
          stroke: barColour,
          strokeWidth: 1.2,
        }),
        text,
      ],
    };
    return { plot };
  },
};
