import { chartCitations } from '../../../render/chartCitations.ts';
import { chartDownload } from '../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload('application/x-bibtex; charset=utf-8', (chart) => chartCitations(chart).bibtex);
