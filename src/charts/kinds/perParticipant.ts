import * as Plot from '@observablehq/plot';
import { median, rollup, sum } from 'd3-array';
import type { z } from 'zod';
import { countOf, formatCount, formatShare } from '../../format/format.ts';
import type { perParticipantChart } from '../../schemas/chart.ts';
import { capitalise, type ChartKind } from '../chartContext.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { barColour, chartTheme, labelMargin, notCodedLabel, splitSegments } from '../theme.ts';
import { foldOthers } from './foldOthers.ts';

type Definition = z.infer<typeof perParticipantChart>;


interface ParticipantTotals {
  readonly participant: string;
  readonly total: number;
  readonly counts: ReadonlyMap<string, number>;
}

/** Units per participant, most active first, optionally split by a dimension's top-level codes. */
export const perParticipant: ChartKind<Definition> = {
  tabulate(definition, context) {
    const summary = context.datasetSummary(definition.dataset);
    const units = context.dataset(definition.dataset).units;
    const language = context.language;
    const dimension = definition.dimension === undefined ? undefined : context.dimension(definition.dimension);
    const topCodes = dimension?.codes.filter((code) => code.depth === 0) ?? [];
    const ancestry = new Map(dimension?.codes.map((code) => [code.id, code]) ?? []);
    const topOf = (code: string): string => {
      let current = ancestry.get(code);
      while (current?.parent !== undefined) current = ancestry.get(current.parent);
      return current?.id ?? code;
    };
    // A unit counts once under the top-level code it belongs to; several codes only happen in multiple-code dimensions.
    const totals: ParticipantTotals[] = [
      ...rollup(
        units,
        (group) => ({
          total: group.length,
          counts: rollup(group, (same) => same.length, (unit) => (dimension ? (unit.codes[dimension.id]?.map(topOf)[0] ?? notCodedLabel) : '')),
        }),
        (unit) => unit.participant,
      ),
    ].map(([participant, { total, counts }]) => ({ participant, total, counts }));
    const shown = foldOthers(totals, definition.top, (entry) => entry.total, (rest) => ({
      participant: `All others (${formatCount(rest.length, language)})`,
      total: sum(rest, (entry) => entry.total),
      counts: rollup(rest.flatMap((entry) => [...entry.counts]), (entries) => sum(entries, ([, n]) => n), ([key]) => key),
    }));

    const segments = dimension ? [...topCodes.map((code) => ({ key: code.id, label: code.label })), { key: notCodedLabel, label: notCodedLabel }] : [];
    const rows: ChartRow[] = dimension
      ? shown.flatMap((entry) =>
          segments
            .filter((segment) => segment.key !== notCodedLabel || (entry.counts.get(notCodedLabel) ?? 0) > 0 || dimension.notCodedUnits > 0)
            .map((segment) => ({ participant: entry.participant, label: segment.label, n: entry.counts.get(segment.key) ?? 0, total: entry.total })),
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
        (ranked[0] ? `The most active, ${ranked[0].participant}, has ${formatCount(ranked[0].total, language)} (${formatShare(ranked[0].total / summary.used, language)}); the three most active together ${formatShare(topThree / summary.used, language)}.` : '') +
        (shown.length < totals.length ? ` The ${definition.top} most active are shown one by one; the rest are combined.` : '') +
        (dimension ? ` Each bar is split by ${dimension.label.toLowerCase()}.` : ''),
    };
  },

  plot(chart, language, width) {
    const participants = [...new Set(chart.rows.map((row) => String(row.participant)))];
    const { labels, colours } = splitSegments(chart.rows);
    const split = labels.length > 0;
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 50 + participants.length * 22,
      marginLeft: labelMargin(participants, width),
      marginRight: 50,
      x: { label: `${chart.columns.find((column) => column.key === 'n')!.label}`, grid: true, nice: true },
      y: { label: null, domain: participants },
      ...(split ? { color: { domain: labels, range: colours } } : {}),
      marks: [
        Plot.barX(chart.rows, {
          x: 'n',
          y: 'participant',
          ...(split ? { fill: 'label' } : { fill: barColour }),
          title: (row: ChartRow) => `${row.participant}${row.label === undefined ? '' : `, ${row.label}`}: ${formatCount(Number(row.n), language)}`,
        }),
        Plot.text(
          participants.map((participant) => ({ participant, total: sum(chart.rows.filter((row) => row.participant === participant), (row) => Number(row.n)) })),
          { x: 'total', y: 'participant', text: (row: { total: number }) => formatCount(row.total, language), textAnchor: 'start', dx: 4, fill: 'currentColor' },
        ),
        Plot.ruleX([0]),
      ],
    };
    return split ? { plot, legend: { items: labels.map((label, index) => ({ label, colour: colours[index]! })) } } : { plot };
  },
};
