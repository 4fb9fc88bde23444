import { createHash } from 'node:crypto';
import type { ChartColumn, ChartReport, ChartRow } from '../model/chartReport.ts';
import type { SiteReport } from '../model/siteReport.ts';
import type { Author } from '../schemas/study.ts';

/**
 * Everything a chart's page is made from, apart from the release it belongs to: its table,
 * its definition, the codes it shows with their definitions, and what it is cited with. Two
 * releases whose inputs are equal show the same chart, so the later one points to the earlier.
 * Stored with each release, it is also what "What changed" compares.
 */
export interface ChartInputs {
  readonly definition: Readonly<Record<string, unknown>>;
  readonly table: { readonly columns: readonly ChartColumn[]; readonly rows: readonly ChartRow[]; readonly n: ChartReport['n'] };
  readonly codebook: readonly {
    readonly dimension: string;
    readonly label: string;
    readonly codes: readonly { readonly id: string; readonly label: string; readonly definition?: string }[];
  }[];
  readonly citation: { readonly report: string; readonly authors: readonly Author[]; readonly license: string };
}

export function chartInputs(chart: ChartReport, report: { readonly dimensions: SiteReport['dimensions']; readonly study: Pick<SiteReport['study'], 'title' | 'authors' | 'license'> }): ChartInputs {
  return {
    definition: { ...chart.definition },
    table: { columns: chart.columns, rows: chart.rows, n: chart.n },
    codebook: chart.dimensions.flatMap((id) => {
      const dimension = report.dimensions.find((candidate) => candidate.id === id);
      if (!dimension) return [];
      return [
        {
          dimension: id,
          label: dimension.label,
          codes: dimension.codes.map((code) => ({ id: code.id, label: code.label, ...(code.definition === undefined ? {} : { definition: code.definition }) })),
        },
      ];
    }),
    citation: { report: report.study.title, authors: report.study.authors, license: report.study.license },
  };
}

/** JSON with keys in sorted order at every level, so equal inputs are equal bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The stored form of a chart's inputs, and its hash, which names it in the archive. */
export function storedInputs(inputs: ChartInputs): { text: string; hash: string } {
  const text = `${canonicalJson(inputs)}\n`;
  return { text, hash: sha256(text) };
}
