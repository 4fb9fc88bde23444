import report from 'virtual:qualpress/report';
import { chartSvgFile } from '../../../../render/chartFiles.ts';
import { chartDownload } from '../../../../render/chartDownload.ts';

export const { getStaticPaths, GET } = chartDownload(report, 'image/svg+xml; charset=utf-8', chartSvgFile);
