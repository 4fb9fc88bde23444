import { chartJson } from '../../../charts/downloads/chartJson.ts';
import { chartDownload } from '../../../render/chartDownload.ts';
import { chartPaths, publishedUrl } from '../../../render/chartLinks.ts';
import { report } from '../../../render/site.ts';

export const { getStaticPaths, GET } = chartDownload('application/json; charset=utf-8', (chart) =>
  chartJson(chart, report, publishedUrl(report.study.url, chartPaths(chart.id).page)),
);
