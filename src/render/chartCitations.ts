import type { ChartReport } from '../model/chartReport.ts';
import { citationsFor, type CitableWork, type Citations } from '../cite/index.ts';
import { chartPaths } from './chartLinks.ts';
import { sectionWork } from './reportCitation.ts';
import type { Site } from './site.ts';

/**
 * Which chart is cited: one version of it (its frozen page, that release's date and DOI), or
 * the chart across its versions (the live page, which always shows the newest).
 */
export type ChartCitationOf = VersionCited | 'across versions';

/**
 * A version cited at its own frozen address, or, while it is not released yet, at the live
 * page: the versioned address exists only once `npm run release` has made it.
 */
export interface VersionCited {
  readonly version: string;
  readonly at: 'version' | 'live';
}

/** A chart as a citable work: a section of the report (docs/citing.md), by the report's authors, at its own URL. */
export function chartWork(site: Site, chart: ChartReport, of: ChartCitationOf): CitableWork {
  const { study } = site.report;
  const version = of === 'across versions' ? undefined : of.version;
  const release = version === undefined ? undefined : releaseOf(site, version);
  return sectionWork(site, {
    id: chart.id,
    title: chart.definition.title,
    url: site.published(chartPaths(site, chart.id, of !== 'across versions' && of.at === 'version' ? version : undefined).page),
    abstract: chart.description,
    version,
    date: release?.date ?? study.date,
    doi: release?.doi,
  });
}

/** A release's date and DOI: from the archive, or from study.yaml for the release this build makes. */
function releaseOf(site: Site, version: string): { date: string; doi?: string } {
  const { study, releases } = site.report;
  const archived = releases.releases.find((release) => release.version === version);
  if (archived) return archived;
  return { date: study.date, ...(study.doi === undefined ? {} : { doi: study.doi }) };
}

const cache = new WeakMap<ChartReport, Map<string, Citations>>();

/** Every citation format of a chart, made once per build for its page and its three downloads. */
export function chartCitations(site: Site, chart: ChartReport, of: ChartCitationOf): Citations {
  let byVersion = cache.get(chart);
  if (!byVersion) {
    byVersion = new Map();
    cache.set(chart, byVersion);
  }
  const key = of === 'across versions' ? '' : `${of.version} ${of.at}`;
  let citations = byVersion.get(key);
  if (!citations) {
    citations = citationsFor(chartWork(site, chart, of));
    byVersion.set(key, citations);
  }
  return citations;
}

/**
 * What a chart's page and its citation files cite: a frozen page, its own version; the live
 * page, the version it shows: the newest release holding the chart when the chart is as
 * released, else the version study.yaml is about to release, at the live address until then.
 */
export function citationOf(site: Site, chart: ChartReport, version: string | undefined): VersionCited {
  if (version !== undefined) return { version, at: 'version' };
  const current = site.report.releases.current[chart.id];
  if (current?.released && current.since !== undefined) return { version: current.since, at: 'version' };
  return { version: site.report.study.version, at: 'live' };
}
