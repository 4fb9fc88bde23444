import type { SiteReport } from '../../model/siteReport.ts';
import type { ChartReport } from '../../model/chartReport.ts';

/**
 * The chart's data as JSON, with what a reuser needs to cite and interpret it: the
 * chart's definition, the report it belongs to, the data fingerprint, and the rows.
 */
export function chartJson(chart: ChartReport, report: SiteReport, url: string): string {
  const { study } = report;
  return `${JSON.stringify(
    {
      chart: {
        id: chart.id,
        title: chart.definition.title,
        subtitle: chart.definition.subtitle,
        caption: chart.definition.caption,
        kind: chart.definition.kind,
        url,
        description: chart.description,
        source: chart.sourceLine,
        n: chart.n,
      },
      report: {
        title: study.title,
        version: study.version,
        date: study.date,
        url: study.url,
        license: study.license,
        authors: study.authors,
        illustrative: study.illustrative,
      },
      data: { fingerprint: study.fingerprint, dataset: chart.dataset, dimensions: chart.dimensions },
      columns: chart.columns,
      rows: chart.rows,
    },
    null,
    2,
  )}\n`;
}
