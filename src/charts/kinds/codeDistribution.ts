import * as Plot from '@observablehq/plot';
import type { DimensionReport } from '../../analyse/report.ts';
import { formatCount, formatShare } from '../../render/format.ts';
import type { AccessibleChart } from '../renderPlot.ts';
import { chartTheme, labelMargin } from '../theme.ts';

export interface DistributionRow {
  readonly code: string;
  readonly label: string;
  readonly n: number;
  readonly share: number;
}

/** The rows a distribution chart draws: every code in codebook order, nested codes indented. */
export function distributionRows(dimension: DimensionReport): DistributionRow[] {
  return dimension.codes.map((code) => ({
    code: code.id,
    label: `${'\u2003'.repeat(code.depth)}${code.label}`,
    n: code.n,
    share: code.share,
  }));
}

/** Horizontal bars: how often each code occurs on a dimension, with count and share at each bar's end. */
export function codeDistributionChart(
  dimension: DimensionReport,
  unit: readonly [string, string],
  participant: readonly [string, string],
  language = 'en',
): AccessibleChart {
  const noun = unit;
  const measure = dimension.countBy === 'participants' ? participant : unit;
  const rows = distributionRows(dimension);
  const ranked = [...rows].filter((row) => dimension.codes.find((code) => code.id === row.code)?.depth === 0).sort((a, b) => b.n - a.n);
  const top = ranked[0];
  const description = top
    ? `${dimension.label}: ${rows.length} codes over ${formatCount(dimension.denominator, language)} ${dimension.countBy === 'participants' ? `${measure[1]} with coded ${noun[1]}` : `coded ${noun[1]}`}. ` +
      `${top.label.trim()} ranks first with ${formatCount(top.n, language)} (${formatShare(top.share, language)})` +
      (ranked[1] ? `, followed by ${ranked[1].label.trim()} with ${formatCount(ranked[1].n, language)} (${formatShare(ranked[1].share, language)}).` : '.')
    : `${dimension.label}: no coded ${noun[1]}.`;
  return {
    title: `${dimension.label}: ${measure[1]} per code`,
    description,
    plot: {
      ...chartTheme,
      height: 40 + rows.length * 32,
      marginLeft: labelMargin(rows.map((row) => row.label)),
      marginRight: 90,
      x: { label: `${measure[1][0]!.toUpperCase() + measure[1].slice(1)} →`, grid: true, nice: true },
      y: { label: null, domain: rows.map((row) => row.label) },
      marks: [
        Plot.barX(rows, { x: 'n', y: 'label', fill: 'var(--chart-bar, #2b6cb0)' }),
        Plot.text(rows, {
          x: 'n',
          y: 'label',
          text: (row: DistributionRow) => `${formatCount(row.n, language)} (${formatShare(row.share, language)})`,
          textAnchor: 'start',
          dx: 4,
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
      ],
    },
  };
}
