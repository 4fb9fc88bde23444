import type * as Plot from '@observablehq/plot';
import type { z } from 'zod';
import type { ChartReport, Tabulated } from '../model/chartReport.ts';
import type {
  AnyOfMeasure,
  AnyOfResult,
  CoverageMeasure,
  CoverageResult,
  DatasetReliability,
  DatasetSummary,
  DimensionReport,
  Report,
} from '../model/report.ts';
import type { DatasetOutline, Dimension, StudyOutline } from '../model/study.ts';
import type { ChartDefinitionBase } from '../schemas/chart.ts';
import type { Legend } from './legend.ts';

export type { Tabulated };

/**
 * One chart kind, whole: the schema of its definition, the references it makes (checked
 * when definitions load), the default charts it offers, the figures it needs from the
 * analysis, and how it tabulates and draws. Adding a kind is adding one module to
 * src/charts/kinds/ and one line to the registry there.
 */
export interface ChartKind<Definition extends ChartDefinitionBase> {
  /** The `kind:` a definition file gives. */
  readonly name: Definition['kind'];
  /** The definition file's schema; its `kind` is the literal `name`. */
  readonly schema: z.ZodType<Definition, unknown>;
  /** Report each reference to something the study does not have. */
  checkReferences(definition: Definition, references: ReferenceChecks): void;
  /** What the chart shows in its own right, so that no default chart shows it again. */
  shows(definition: Definition): Shown;
  /** A default chart of this kind for a dimension or dated dataset that no declared chart shows. */
  defaultFor?(subject: DefaultSubject): Definition | undefined;
  /** Figures the chart needs that the standard analysis does not compute. */
  measures?(definition: Definition): { readonly anyOf?: readonly AnyOfMeasure[]; readonly coverage?: readonly CoverageMeasure[] };
  /** The rows the chart draws (its table and CSV), its source line and its description. */
  tabulate(definition: Definition, context: ChartContext): Tabulated;
  plot(chart: ChartReport & { readonly definition: Definition }, language: string, width: number): DrawnChart;
}

/** Dimensions and datasets a chart shows; a default chart is made for the rest. */
export interface Shown {
  readonly dimensions?: readonly string[];
  /** Datasets whose units per day the chart shows. */
  readonly timelines?: readonly string[];
  /** Datasets whose agreement between coders the chart shows, per dimension and code. */
  readonly agreement?: readonly string[];
  /** Datasets whose agreement between coders the chart shows character by character. */
  readonly characterAgreement?: readonly string[];
}

/** What a default chart can be made for, with the analysed figures a kind may choose by. */
export type DefaultSubject =
  | { readonly type: 'dimension'; readonly dimension: DimensionReport; readonly report: Report }
  | { readonly type: 'timeline'; readonly dataset: DatasetSummary; readonly report: Report }
  | {
      readonly type: 'agreement' | 'characterAgreement';
      readonly dataset: DatasetSummary;
      readonly reliability: DatasetReliability;
      readonly report: Report;
    };

/** The checks a kind's references go through, each reporting at the definition's line. */
export interface ReferenceChecks {
  readonly outline: StudyOutline;
  /** The dimension, or a problem at `path` naming the known ones. */
  dimension(id: string, path: readonly (string | number)[]): Dimension | undefined;
  dataset(id: string, path: readonly (string | number)[]): DatasetOutline | undefined;
  /** A code of the dimension, or a problem naming its codes. */
  code(dimension: Dimension, code: string, path: readonly (string | number)[]): void;
  /** A problem at `path`, in the definition's own words. */
  problem(path: readonly (string | number)[], message: string): void;
}

/** What a chart kind reads while tabulating: the analysed report only, never the units. */
export interface ChartContext {
  readonly report: Report;
  readonly language: string;
  dimension(id: string): DimensionReport;
  datasetSummary(id: string): DatasetSummary;
  /** The result of a measure the kind asked for in `measures`. */
  anyOf(measure: AnyOfMeasure): AnyOfResult;
  coverage(measure: CoverageMeasure): CoverageResult;
  /** Agreement between coders on a dataset with a reliability file. */
  reliability(dataset: string): DatasetReliability;
}

export function chartContext(report: Report): ChartContext {
  const find = <T extends { id: string }>(items: readonly T[], id: string, what: string): T => {
    const found = items.find((item) => item.id === id);
    // Definitions are checked against the codebook before tabulating; this is a bug guard.
    if (!found) throw new Error(`internal: unknown ${what} "${id}"`);
    return found;
  };
  return {
    report,
    language: report.study.language,
    dimension: (id) => find(report.dimensions, id, 'dimension'),
    datasetSummary: (id) => find(report.datasets, id, 'dataset'),
    reliability: (id) =>
      find(
        report.reliability.map((reliability) => ({ ...reliability, id: reliability.dataset })),
        id,
        'dataset with reliability data',
      ),
    anyOf: (measure) => {
      const found = report.measures.anyOf.find(
        (candidate) => candidate.dimension === measure.dimension && sameItems(candidate.codes, measure.codes),
      );
      if (!found) throw new Error(`internal: a measure of ${measure.dimension} was not analysed`);
      return found;
    },
    coverage: (measure) => {
      const found = report.measures.coverage.find((candidate) => sameItems(candidate.dimensions, measure.dimensions));
      if (!found) throw new Error('internal: a coverage measure was not analysed');
      return found;
    },
  };
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code, index) => code === b[index]);
}

/** Plot options and the colour key drawn with them. */
export interface DrawnChart {
  readonly plot: Plot.PlotOptions;
  readonly legend?: Legend;
}
