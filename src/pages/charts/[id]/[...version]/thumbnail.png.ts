import report from 'virtual:qualpress/report';
import { chartThumbnail } from '../../../../render/chartFiles.ts';
import { chartDownload } from '../../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload(
  report,
  'image/png',
  async (site, chart, version) => new Uint8Array(await chartThumbnail(site, chart, version)),
);
