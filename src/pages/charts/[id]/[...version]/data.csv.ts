import report from 'virtual:qualpress/report';
import { chartCsv } from '../../../../charts/downloads/chartCsv.ts';
import { chartDownload } from '../../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload(report, 'text/csv; charset=utf-8', (_site, chart) => chartCsv(chart));
