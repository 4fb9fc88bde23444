import { z } from 'zod';
import { commonChartFields, topGroups } from '../../schemas/chart.ts';
import { identifier } from '../../schemas/primitives.ts';
import * as Plot from '@observablehq/plot';
import { median, rollup, sum } from 'd3-array';
import { countOf, formatCount, formatShare, capitalise } from '../../format/format.ts';
import type { ChartKind } from '../chartKind.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { barColour, bottomAxisLabel, chartTheme, notCodedLabel, splitSegments } from '../theme.ts';
import { categoryAxisY, labelMargin, rowHeight, textWidth } from '../labels.ts';
import { foldOthers } from './foldOthers.ts';
import { splitDimension } from './timeline.ts';

/** A definition of this kind, as written in content/charts/<id>.yaml. */
export const perParticipantChart = z.strictObject({
  ...commonChartFields,
  kind: z.literal('per-participant'),
  dataset: identifier,
  /** Optional: split each participant's units by the top-level codes of this dimension. */
  dimension: identifier.optional(),
  top: topGroups,
});

type Definition = z.infer<typeof perParticipantChart>;

interface ParticipantTotals {
  readonly participant: string;
  readonly total: number;
  readonly counts: ReadonlyMap<string, number>;
}

/** Units per participant, most active first, optionally split by a dimension's top-level codes. */
export const perParticipant: ChartKind<Definition> = {
  name: 'per-participant',
  schema: perParticipantChart,
  checkReferences(definition, references) {
    const dataset = references.dataset(definition.dataset, ['dataset']);
    if (definition.dimension !== undefined) splitDimension(definition.dimension, dataset, references);
  },
  // Units per participant is no dimension's or timeline's own chart: defaults are still made for them.
  shows: () => ({}),
  tabulate(definition, context) {
    const summary = context.datasetSummary(definition.dataset);
    const language = context.language;
    const dimension = definition.dimension === undefined ? undefined : context.dimension(definition.dimension);
    const topCodes = dimension?.codes.filter((code) => code.depth === 0) ?? [];
    // A unit counts once, under the top-level code of its first code; the rest of a participant's units were not coded.
    const leading = new Map(dimension?.leading.byParticipant.map((group) => [group.group, group]) ?? []);
    const totals: ParticipantTotals[] = summary.perParticipant.map(({ participant, n: total }) => {
      const coded = leading.get(participant);
      const counts = new Map(Object.entries(coded?.counts ?? {}));
      if (dimension && total > (coded?.denominator ?? 0)) counts.set(notCodedLabel, total - (coded?.denominator ?? 0));
      return { participant, total, counts };
    });
    const shown = foldOthers(
      totals,
      definition.top,
      (entry) => entry.total,
      (rest) => ({
        participant: `All others (${formatCount(rest.length, language)})`,
        total: sum(rest, (entry) => entry.total),
        counts: rollup(
          rest.flatMap((entry) => [...entry.counts]),
          (entries) => sum(entries, ([, n]) => n),
          ([key]) => key,
        ),
      }),
    );

    const segments = dimension
      ? [...topCodes.map((code) => ({ key: code.id, label: code.label })), { key: notCodedLabel, label: notCodedLabel }]
      : [];
    const rows: ChartRow[] = dimension
      ? shown.flatMap((entry) =>
          segments
            .filter((segment) => segment.key !== notCodedLabel || (entry.counts.get(notCodedLabel) ?? 0) > 0 || dimension.notCodedUnits > 0)
            .map((segment) => ({
              participant: entry.participant,
              label: segment.label,
              n: entry.counts.get(segment.key) ?? 0,
              total: entry.total,
            })),
        )
      : shown.map((entry) => ({ participant: entry.participant, n: entry.total }));

    const ranked = [...totals].sort((a, b) => b.total - a.total);
    const topThree = sum(ranked.slice(0, 3), (entry) => entry.total);
    const participantNoun = context.report.participants.label;
    return {
      dataset: summary.id,
      dimensions: dimension ? [dimension.id] : [],
      columns: [
        { key: 'participant', label: capitalise(participantNoun[0]), type: 'text' },
        ...(dimension ? [{ key: 'label', label: dimension.label, type: 'text' as const }] : []),
        { key: 'n', label: capitalise(summary.unit[1]), type: 'count' },
        ...(dimension ? [{ key: 'total', label: `All ${summary.unit[1]} of the ${participantNoun[0]}`, type: 'count' as const }] : []),
      ],
      rows,
      n: { units: summary.used, participants: totals.length },
      sourceLine: `${summary.label}, n = ${countOf(summary.used, summary.unit, language)} from ${countOf(totals.length, participantNoun, language)}.`,
      description:
        `${capitalise(countOf(summary.used, summary.unit, language))} from ${countOf(totals.length, participantNoun, language)}; the median ${participantNoun[0]} has ${formatCount(median(totals, (entry) => entry.total) ?? 0, language)}. ` +
        (ranked[0]
          ? `The most active, ${ranked[0].participant}, has ${formatCount(ranked[0].total, language)} (${formatShare(ranked[0].total / summary.used, language)}); the three most active together ${formatShare(topThree / summary.used, language)}.`
          : '') +
        (shown.length < totals.length ? ` The ${definition.top} most active are shown one by one; the rest are combined.` : '') +
        (dimension ? ` Each bar is split by ${dimension.label.toLowerCase()}.` : ''),
    };
  },

  plot(chart, language, width) {
    const participants = [...new Set(chart.rows.map((row) => String(row.participant)))];
    const { labels, colours } = splitSegments(chart.rows);
    const split = labels.length > 0;
    const totals = participants.map((participant) => ({
      participant,
      total: sum(
        chart.rows.filter((row) => row.participant === participant),
        (row) => Number(row.n),
      ),
    }));
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 30 + bottomAxisLabel.marginBottom + participants.length * rowHeight(participants, width, 22),
      marginLeft: labelMargin(participants, width),
      // Room for the longest total at the end of its bar.
      marginRight: Math.ceil(12 + Math.max(0, ...totals.map((row) => textWidth(formatCount(row.total, language))))),
      marginBottom: bottomAxisLabel.marginBottom,
      x: { label: chart.columns.find((column) => column.key === 'n')?.label ?? null, grid: true, nice: true, ...bottomAxisLabel.x },
      y: { label: null, domain: participants, axis: null },
      ...(split ? { color: { domain: labels, range: colours } } : {}),
      marks: [
        Plot.barX(chart.rows, {
          x: 'n',
          y: 'participant',
          ...(split ? { fill: 'label' } : { fill: barColour }),
          title: (row: ChartRow) =>
            `${row.participant}${row.label === undefined ? '' : `, ${row.label}`}: ${formatCount(Number(row.n), language)}`,
        }),
        Plot.text(totals, {
          x: 'total',
          y: 'participant',
          text: (row: { total: number }) => formatCount(row.total, language),
          textAnchor: 'start',
          dx: 4,
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
        categoryAxisY(participants, width),
      ],
    };
    return split ? { plot, legend: { items: labels.map((label, index) => ({ label, colour: colours[index]! })) } } : { plot };
  },
};
