import type * as Plot from '@observablehq/plot';
import type { DatasetSummary, DimensionReport, Report } from '../model/report.ts';
import type { Dataset, Study } from '../model/types.ts';
import type { ChartDefinition } from '../schemas/chart.ts';
import type { ChartReport, Tabulated } from '../model/chartReport.ts';

export type { Tabulated };
import type { Legend } from './legend.ts';

/**
 * What a chart kind may read while tabulating: the analysed report, and the study's units
 * for the few measures that cannot be derived from the report's counts.
 */
export interface ChartContext {
  readonly report: Report;
  readonly study: Study;
  readonly language: string;
  dimension(id: string): DimensionReport;
  datasetSummary(id: string): DatasetSummary;
  dataset(id: string): Dataset;
}

export function chartContext(study: Study, report: Report): ChartContext {
  const find = <T extends { id: string }>(items: readonly T[], id: string, what: string): T => {
    const found = items.find((item) => item.id === id);
    // Definitions are checked against the codebook before tabulating; this is a bug guard.
    if (!found) throw new Error(`internal: unknown ${what} "${id}"`);
    return found;
  };
  return {
    report,
    study,
    language: report.study.language,
    dimension: (id) => find(report.dimensions, id, 'dimension'),
    datasetSummary: (id) => find(report.datasets, id, 'dataset'),
    dataset: (id) => find(study.datasets, id, 'dataset'),
  };
}


/**
 * One chart kind: how its data are tabulated from the study (at analysis time, in the build
 * CLI) and how those same rows are drawn (at render time, from the serialised report).
 */
export interface ChartKind<Definition extends ChartDefinition> {
  tabulate(definition: Definition, context: ChartContext): Tabulated;
  plot(chart: ChartReport & { readonly definition: Definition }, language: string, width: number): DrawnChart;
}

/** Plot options and the colour key drawn with them. */
export interface DrawnChart {
  readonly plot: Plot.PlotOptions;
  readonly legend?: Legend;
}

/** "Posts" -> used in column headers and axis labels. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
