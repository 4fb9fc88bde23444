import { chartThumbnail } from '../../../render/chartFiles.ts';
import { chartDownload } from '../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload('image/png', (chart) => new Uint8Array(chartThumbnail(chart)));
