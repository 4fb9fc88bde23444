import report from 'virtual:qualpress/report';
import { chartSocialCard } from '../../../render/chartFiles.ts';
import { chartDownload } from '../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload(
  report,
  'image/png',
  async (site, chart) => new Uint8Array(await chartSocialCard(site, chart)),
);
