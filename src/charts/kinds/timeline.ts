import { z } from 'zod';
import { commonChartFields } from '../../schemas/chart.ts';
import { identifier } from '../../schemas/primitives.ts';
import * as Plot from '@observablehq/plot';
import { mean, rollup, sum } from 'd3-array';
import type { DatasetOutline } from '../../model/study.ts';
import { quoted } from '../../problems/problem.ts';
import { countOf, formatCount, formatDay, capitalise } from '../../format/format.ts';
import type { ChartKind, ReferenceChecks } from '../chartKind.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { barColour, chartTheme, notCodedLabel, splitSegments } from '../theme.ts';
import { textWidth } from '../labels.ts';

/** A definition of this kind, as written in content/charts/<id>.yaml. */
export const timelineChart = z.strictObject({
  ...commonChartFields,
  kind: z.literal('timeline'),
  dataset: identifier,
  /** Optional: split each day's units by the top-level codes of this dimension. */
  dimension: identifier.optional(),
});

type Definition = z.infer<typeof timelineChart>;

/** Units per calendar day over the study period, optionally split by a dimension's top-level codes. */
export const timeline: ChartKind<Definition> = {
  name: 'timeline',
  schema: timelineChart,
  checkReferences(definition, references) {
    const dataset = references.dataset(definition.dataset, ['dataset']);
    if (dataset && !dataset.dated) {
      references.problem(
        ['dataset'],
        `expected a dataset with a date column (set datasets.${definition.dataset}.date in study.yaml); found ${quoted(definition.dataset)}, which has none`,
      );
    }
    if (definition.dimension !== undefined) splitDimension(definition.dimension, dataset, references);
  },
  shows: (definition) => ({ timelines: [definition.dataset] }),
  defaultFor: (subject) =>
    subject.type === 'timeline' && subject.dataset.days
      ? { kind: 'timeline', dataset: subject.dataset.id, title: `${subject.dataset.label} per day`, notes: [] }
      : undefined,
  tabulate(definition, context) {
    const dataset = context.datasetSummary(definition.dataset);
    const days = dataset.days ?? [];
    const language = context.language;
    const dimension = definition.dimension === undefined ? undefined : context.dimension(definition.dimension);
    const topCodes = dimension?.codes.filter((code) => code.depth === 0) ?? [];
    // Each unit once, under the top-level code of its first code, so a day's segments add up to its units.
    const leading = dimension?.leading.byDay;
    const rows: ChartRow[] = dimension
      ? days.flatMap(({ day, n: total }, index) => {
          const counts = leading?.[index]?.counts ?? {};
          const split = topCodes.map((code) => ({ day, label: code.label, n: counts[code.id] ?? 0, total }));
          const uncoded = total - (dimension.byDay?.[index]?.denominator ?? 0);
          return uncoded > 0 || dimension.notCodedUnits > 0 ? [...split, { day, label: notCodedLabel, n: uncoded, total }] : split;
        })
      : days.map(({ day, n }) => ({ day, n }));

    const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
    const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;
    const busiest = [...days].sort((a, b) => b.n - a.n)[0];
    const quietest = [...days].sort((a, b) => a.n - b.n)[0];
    const weekendMean = mean(
      days.filter(({ day }) => isWeekend(day)),
      (day) => day.n,
    );
    const weekdayMean = mean(
      days.filter(({ day }) => !isWeekend(day)),
      (day) => day.n,
    );
    const perDay = (value: number | undefined) => formatCount(Math.round(value ?? 0), language);
    return {
      dataset: dataset.id,
      dimensions: dimension ? [dimension.id] : [],
      columns: [
        { key: 'day', label: 'Day', type: 'text' },
        ...(dimension ? [{ key: 'label', label: dimension.label, type: 'text' as const }] : []),
        { key: 'n', label: capitalise(dataset.unit[1]), type: 'count' },
      ],
      rows,
      n: { units: dataset.used, participants: dataset.participants },
      sourceLine: `${dataset.label}, n = ${countOf(dataset.used, dataset.unit, language)} from ${countOf(dataset.participants, context.report.participants.label, language)}, ${formatCount(days.length, language)} days.`,
      description:
        `${capitalise(countOf(dataset.used, dataset.unit, language))} over ${formatCount(days.length, language)} days, ${perDay(dataset.used / Math.max(1, days.length))} a day on average.` +
        (busiest
          ? ` The busiest day was ${formatDay(busiest.day, language)} (${formatCount(busiest.n, language)}), the quietest ${formatDay(quietest!.day, language)} (${formatCount(quietest!.n, language)}).`
          : '') +
        (weekendMean !== undefined && weekdayMean !== undefined
          ? ` Weekend days averaged ${perDay(weekendMean)}, weekdays ${perDay(weekdayMean)}.`
          : '') +
        (dimension ? ` Each day is split by ${dimension.label.toLowerCase()}.` : ''),
    };
  },

  plot(chart, language, width) {
    const rows = chart.rows.map((row) => ({ ...row, date: new Date(`${row.day}T00:00:00Z`) }));
    const { labels, colours } = splitSegments(chart.rows);
    const split = labels.length > 0;
    // Room on the left for the longest count among the y ticks (at most the busiest day's, rounded up).
    const busiest = Math.max(0, ...rollupDays(chart.rows));
    const marginLeft = Math.ceil(Math.max(40, 14 + textWidth(formatCount(niceCeiling(busiest), language))));
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 320,
      marginTop: 24,
      marginLeft,
      x: {
        label: null,
        type: 'utc',
        // Clear of the lowest y tick's number, which sits on the same corner.
        tickPadding: 6,
        tickFormat: (date: Date) =>
          new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date),
      },
      // The label starts where the ticks end, so it never sits over the top tick's number.
      y: { label: `${chart.columns.at(-1)!.label}`, grid: true, nice: true, labelOffset: 0 },
      ...(split ? { color: { domain: labels, range: colours } } : {}),
      marks: [
        Plot.rectY(rows, {
          x: 'date',
          interval: 'day',
          y: 'n',
          ...(split ? { fill: 'label' } : { fill: barColour }),
          inset: 1,
          title: (row: ChartRow) =>
            `${formatDay(String(row.day), language)}${row.label === undefined ? '' : `, ${row.label}`}: ${formatCount(Number(row.n), language)}`,
        }),
        Plot.ruleY([0]),
      ],
    };
    return split ? { plot, legend: { items: labels.map((label, index) => ({ label, colour: colours[index]! })) } } : { plot };
  },
};

/** Each day's total (a split day's segments added up). */
function rollupDays(rows: readonly ChartRow[]): number[] {
  return [
    ...rollup(
      rows,
      (day) => sum(day, (row) => Number(row.n)),
      (row) => String(row.day),
    ).values(),
  ];
}

/** The value a nice axis ends at: the next 1, 2, 5 or 10 times a power of ten. */
function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  return power * ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10);
}

/** The dimension a timeline or per-participant chart is split by must code the dataset it counts. */
export function splitDimension(id: string, dataset: DatasetOutline | undefined, references: ReferenceChecks): void {
  const dimension = references.dimension(id, ['dimension']);
  if (dimension && dataset && dimension.dataset !== dataset.id) {
    references.problem(
      ['dimension'],
      `expected a dimension of dataset ${dataset.id}; found ${quoted(id)}, which codes ${dimension.dataset}`,
    );
  }
}
