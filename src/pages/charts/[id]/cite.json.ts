import { chartCitations } from '../../../render/chartCitations.ts';
import { chartDownload } from '../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload('application/vnd.citationstyles.csl+json; charset=utf-8', (chart) => chartCitations(chart).cslJson);
