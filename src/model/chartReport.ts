import type { ChartDefinitionBase } from '../schemas/chart.ts';

/** One column of a chart's data, in the order of the CSV download and the table. */
export interface ChartColumn {
  readonly key: string;
  readonly label: string;
  /** A coefficient is an agreement statistic such as alpha or kappa, shown with three decimals. */
  readonly type: 'text' | 'count' | 'share' | 'coefficient';
}

export type ChartRow = Readonly<Record<string, string | number>>;

/**
 * A chart ready to draw and to publish: its definition, the exact rows it draws (which are
 * also its table and its CSV), and the sentences that describe it. Computed once per build.
 */
export interface ChartReport extends Tabulated {
  readonly id: string;
  /** As declared (or made by default); its kind's module knows the rest of its fields. */
  readonly definition: ChartDefinitionBase;
  /** True when the chart was made for a dimension or dataset that no definition covered. */
  readonly isDefault: boolean;
  /** Where the definition came from, for messages (`content/charts/themes.yaml`). */
  readonly source?: string;
}

/** What tabulating a chart produces: the rows it draws and the words around them. */
export interface Tabulated {
  readonly dataset: string;
  /** Dimensions whose codes the chart shows, for the definitions on its page. */
  readonly dimensions: readonly string[];
  readonly columns: readonly ChartColumn[];
  readonly rows: readonly ChartRow[];
  /** A drawing choice made while tabulating (e.g. "stacked" or "heatmap"), kept for the plot. */
  readonly variant?: string;
  /** Units and participants behind the chart. */
  readonly n: { readonly units: number; readonly participants: number };
  /** One line under the chart: the dataset and what n counts. */
  readonly sourceLine: string;
  /** A text description generated from the data: what ranks first, shares, how many. */
  readonly description: string;
}
