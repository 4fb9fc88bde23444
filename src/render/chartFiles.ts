import type { ChartReport } from '../model/chartReport.ts';
import { timeStageAsync } from '../timing/stageTimer.ts';
import { chartSvg } from '../charts/chartSvg.ts';
import { socialCardSize, socialCardSvg } from '../charts/export/socialCard.ts';
import { standaloneSvg } from '../charts/export/standaloneSvg.ts';
import { svgToPngAsync } from '../charts/export/svgToPng.ts';
import { chartPaths } from './chartLinks.ts';
import type { Site } from './site.ts';

/** Width of the chart PNG download: sharp on a slide or in a printed paper. */
export const chartPngWidth = 1600;

// Keyed by the chart object, like chartSvg: a rebuilt report never reuses an old file.
const standalone = new WeakMap<ChartReport, Map<string, string>>();

/**
 * The chart as a file that stands on its own once downloaded: its title above, and below
 * it the source, whether the data are illustrative, and where to find the chart (the
 * version's own page, for a version's files).
 */
export function chartSvgFile(site: Site, chart: ChartReport, version?: string): string {
  let byVersion = standalone.get(chart);
  if (!byVersion) {
    byVersion = new Map();
    standalone.set(chart, byVersion);
  }
  let svg = byVersion.get(version ?? '');
  if (svg === undefined) {
    const { study } = site.report;
    const url = site.published(chartPaths(site, chart.id, version).page);
    const source = `${chart.sourceLine}${study.illustrative ? ' Illustrative data.' : ''}${version === undefined ? '' : ` Version ${version}.`} ${url}`;
    svg = standaloneSvg(chartSvg(chart, study.language), { title: chart.definition.title, source });
    byVersion.set(version ?? '', svg);
  }
  return svg;
}

export function chartPngFile(site: Site, chart: ChartReport, version?: string): Promise<Buffer> {
  return timeStageAsync('png', () => svgToPngAsync(chartSvgFile(site, chart, version), { width: chartPngWidth }));
}

/** Width of the thumbnails on the chart index: small files, sharp at twice the displayed size. */
export const chartThumbnailWidth = 640;

export function chartThumbnail(site: Site, chart: ChartReport, version?: string): Promise<Buffer> {
  return timeStageAsync('png', () => svgToPngAsync(chartSvgFile(site, chart, version), { width: chartThumbnailWidth }));
}

/** The 1200x630 image shown when the chart page is shared (Open Graph, Twitter cards). */
export function chartSocialCard(site: Site, chart: ChartReport, version?: string): Promise<Buffer> {
  const { study } = site.report;
  const card = socialCardSvg({
    chartSvg: chartSvgFile(site, chart, version),
    title: chart.definition.title,
    ...(chart.definition.subtitle === undefined ? {} : { subtitle: chart.definition.subtitle }),
    reportTitle: study.title,
    site: new URL(study.url).host + new URL(study.url).pathname.replace(/\/$/, ''),
    illustrative: study.illustrative,
  });
  return timeStageAsync('png', () => svgToPngAsync(card, { width: socialCardSize.width }));
}
