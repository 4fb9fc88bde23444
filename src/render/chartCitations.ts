import type { ChartReport } from '../model/chartReport.ts';
import { citationsFor, type CitableWork, type Citations } from '../cite/index.ts';
import { chartPaths } from './chartLinks.ts';
import type { Site } from './site.ts';

/** A chart as a citable work: a section of the report (docs/citing.md), by the report's authors, at its own URL. */
export function chartWork(site: Site, chart: ChartReport): CitableWork {
  const { study } = site.report;
  return {
    kind: 'section',
    id: chart.id,
    title: chart.definition.title,
    authors: study.authors,
    containerTitle: study.title,
    version: study.version,
    date: study.date,
    ...(study.publisher === undefined ? {} : { publisher: study.publisher }),
    url: site.published(chartPaths(site, chart.id).page),
    license: study.license,
    abstract: chart.description,
    language: study.language,
  };
}

const cache = new WeakMap<ChartReport, Citations>();

/** Every citation format of a chart, made once per build for its page and its three downloads. */
export function chartCitations(site: Site, chart: ChartReport): Citations {
  let citations = cache.get(chart);
  if (!citations) {
    citations = citationsFor(chartWork(site, chart));
    cache.set(chart, citations);
  }
  return citations;
}
