import { chartPngFile } from '../../../render/chartFiles.ts';
import { chartDownload } from '../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload('image/png', async (chart) => new Uint8Array(await chartPngFile(chart)));
