import report from 'virtual:qualpress/report';
import { chartJson } from '../../../../charts/downloads/chartJson.ts';
import { chartDownload } from '../../../../render/chartDownload.ts';
import { chartPaths } from '../../../../render/chartLinks.ts';

export const { getStaticPaths, GET } = chartDownload(report, 'application/json; charset=utf-8', (site, chart, version) =>
  chartJson(chart, site.report, site.published(chartPaths(site, chart.id, version).page)),
);
