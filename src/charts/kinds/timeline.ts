import * as Plot from '@observablehq/plot';
import { mean, rollup } from 'd3-array';
import type { z } from 'zod';
import type { DimensionReport } from '../../model/report.ts';
import type { Unit } from '../../model/types.ts';
import { countOf, formatCount, formatDay } from '../../format/format.ts';
import type { timelineChart } from '../../schemas/chart.ts';
import { capitalise, type ChartKind } from '../chartContext.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { barColour, chartTheme, notCodedLabel, splitSegments } from '../theme.ts';

type Definition = z.infer<typeof timelineChart>;


/** Units per calendar day over the study period, optionally split by a dimension's top-level codes. */
export const timeline: ChartKind<Definition> = {
  tabulate(definition, context) {
    const dataset = context.datasetSummary(definition.dataset);
    const days = dataset.days ?? [];
    const language = context.language;
    const dimension = definition.dimension === undefined ? undefined : context.dimension(definition.dimension);
    const topCodes = dimension?.codes.filter((code) => code.depth === 0) ?? [];
    // With several codes a unit, the per-day counts hold a unit under each of its top-level codes
    // and a day's segments would add up to more than its units: count each unit once instead,
    // under the top-level code of its first code, as the per-participant chart does.
    const onceEach = dimension?.multiple ? firstTopCodePerDay(context.dataset(definition.dataset).units, dimension) : undefined;
    const rows: ChartRow[] = dimension
      ? days.flatMap(({ day, n: total }, index) => {
          const counts = onceEach ? Object.fromEntries(onceEach.get(day) ?? []) : (dimension.byDay?.[index]?.counts ?? {});
          const split = topCodes.map((code) => ({ day, label: code.label, n: counts[code.id] ?? 0, total }));
          const uncoded = total - (dimension.byDay?.[index]?.denominator ?? 0);
          return uncoded > 0 || dimension.notCodedUnits > 0 ? [...split, { day, label: notCodedLabel, n: uncoded, total }] : split;
        })
      : days.map(({ day, n }) => ({ day, n }));

    const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
    const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;
    const busiest = [...days].sort((a, b) => b.n - a.n)[0];
    const quietest = [...days].sort((a, b) => a.n - b.n)[0];
    const weekendMean = mean(days.filter(({ day }) => isWeekend(day)), (day) => day.n);
    const weekdayMean = mean(days.filter(({ day }) => !isWeekend(day)), (day) => day.n);
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
        (busiest ? ` The busiest day was ${formatDay(busiest.day, language)} (${formatCount(busiest.n, language)}), the quietest ${formatDay(quietest!.day, language)} (${formatCount(quietest!.n, language)}).` : '') +
        (weekendMean !== undefined && weekdayMean !== undefined ? ` Weekend days averaged ${perDay(weekendMean)}, weekdays ${perDay(weekdayMean)}.` : '') +
        (dimension ? ` Each day is split by ${dimension.label.toLowerCase()}.` : ''),
    };
  },

  plot(chart, language, width) {
    const rows = chart.rows.map((row) => ({ ...row, date: new Date(`${row.day}T00:00:00Z`) }));
    const { labels, colours } = splitSegments(chart.rows);
    const split = labels.length > 0;
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 320,
      marginLeft: 50,
      x: { label: null, type: 'utc', tickFormat: (date: Date) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date) },
      y: { label: `${chart.columns.at(-1)!.label}`, grid: true, nice: true },
      ...(split ? { color: { domain: labels, range: colours } } : {}),
      marks: [
        Plot.rectY(rows, {
          x: 'date',
          interval: 'day',
          y: 'n',
          ...(split ? { fill: 'label' } : { fill: barColour }),
          inset: 1,
          title: (row: ChartRow) => `${formatDay(String(row.day), language)}${row.label === undefined ? '' : `, ${row.label}`}: ${formatCount(Number(row.n), language)}`,
        }),
        Plot.ruleY([0]),
      ],
    };
    return split ? { plot, legend: { items: labels.map((label, index) => ({ label, colour: colours[index]! })) } } : { plot };
  },
};

/** Coded units per day and top-level code, each unit once: under the top-level code of its first code. */
function firstTopCodePerDay(units: readonly Unit[], dimension: DimensionReport): Map<string, Map<string, number>> {
  const parentOf = new Map(dimension.codes.map((code) => [code.id, code.parent]));
  const topOf = (code: string): string => {
    let current = code;
    for (let parent = parentOf.get(current); parent !== undefined; parent = parentOf.get(current)) current = parent;
    return current;
  };
  const coded = units.filter((unit) => (unit.codes[dimension.id]?.length ?? 0) > 0);
  return rollup(coded, (same) => same.length, (unit) => unit.day ?? '', (unit) => topOf(unit.codes[dimension.id]![0]!));
}
