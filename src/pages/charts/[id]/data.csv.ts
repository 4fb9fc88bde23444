import { chartCsv } from '../../../charts/downloads/chartCsv.ts';
import { chartDownload } from '../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload('text/csv; charset=utf-8', chartCsv);
