import type { ChartReport } from '../model/chartReport.ts';
import { timeStageAsync } from '../timing/stageTimer.ts';
import { chartSvg } from '../charts/chartSvg.ts';
import { cachedBytes, cachedText } from '../charts/export/chartCache.ts';
import { socialCardSize, socialCardSvg, type SocialCardOptions } from '../charts/export/socialCard.ts';
import { standaloneSvg } from '../charts/export/standaloneSvg.ts';
import { svgToPngAsync } from '../charts/export/svgToPng.ts';
import { chartPaths } from './chartLinks.ts';
import type { Site } from './site.ts';

/** Width of the chart PNG download: sharp on a slide or in a printed paper. */
export const chartPngWidth = 1600;

// Keyed by the chart object, like chartSvg: a rebuilt report never reuses an old file.
const standalone = new WeakMap<ChartReport, Map<string, string>>();

/**
 * Everything the standalone file is drawn from: the chart (its definition, rows, words), the
 * language its numbers are written in, and the text under it. The build's chart cache keys
 * the file, and every image made from it, on exactly this.
 */
function standaloneMaterial(site: Site, chart: ChartReport, version: string | undefined) {
  const { study } = site.report;
  const url = site.published(chartPaths(site, chart.id, version).page);
  const source = `${chart.sourceLine}${study.illustrative ? ' Illustrative data.' : ''}${version === undefined ? '' : ` Version ${version}.`} ${url}`;
  return { chart, language: study.language, title: chart.definition.title, source };
}

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
    const material = standaloneMaterial(site, chart, version);
    svg = cachedText('chart.svg', material, chart.id, () =>
      standaloneSvg(chartSvg(chart, material.language), { title: material.title, source: material.source }),
    );
    byVersion.set(version ?? '', svg);
  }
  return svg;
}

/** A PNG of the standalone file, from the build's cache when nothing it is drawn from changed. */
function standalonePng(site: Site, chart: ChartReport, version: string | undefined, width: number): Promise<Buffer> {
  return cachedBytes('chart.png', { file: standaloneMaterial(site, chart, version), width }, chart.id, () =>
    timeStageAsync('png', () => svgToPngAsync(chartSvgFile(site, chart, version), { width })),
  );
}

export function chartPngFile(site: Site, chart: ChartReport, version?: string): Promise<Buffer> {
  return standalonePng(site, chart, version, chartPngWidth);
}

/** The 1200x630 image shown when the chart page is shared (Open Graph, Twitter cards). */
export function chartSocialCard(site: Site, chart: ChartReport, version?: string): Promise<Buffer> {
  const { study } = site.report;
  const card: Omit<SocialCardOptions, 'chartSvg'> = {
    title: chart.definition.title,
    ...(chart.definition.subtitle === undefined ? {} : { subtitle: chart.definition.subtitle }),
    reportTitle: study.title,
    site: new URL(study.url).host + new URL(study.url).pathname.replace(/\/$/, ''),
    illustrative: study.illustrative,
  };
  return cachedBytes('social.png', { file: standaloneMaterial(site, chart, version), card }, chart.id, () =>
    timeStageAsync('png', () =>
      svgToPngAsync(socialCardSvg({ ...card, chartSvg: chartSvgFile(site, chart, version) }), { width: socialCardSize.width }),
    ),
  );
}
