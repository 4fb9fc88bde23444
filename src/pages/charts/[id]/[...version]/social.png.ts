import report from 'virtual:qualpress/report';
import { chartSocialCard } from '../../../../render/chartFiles.ts';
import { chartDownload } from '../../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload(
  report,
  'image/png',
  async (site, chart, version) => new Uint8Array(await chartSocialCard(site, chart, version)),
);
