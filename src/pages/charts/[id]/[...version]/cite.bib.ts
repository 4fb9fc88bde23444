import report from 'virtual:qualpress/report';
import { chartCitations, citationOf } from '../../../../render/chartCitations.ts';
import { chartDownload } from '../../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload(
  report,
  'application/x-bibtex; charset=utf-8',
  (site, chart, version) => chartCitations(site, chart, citationOf(site, chart, version)).bibtex,
);
