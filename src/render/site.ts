import { formatReference } from '../cite/formatReference.ts';
import type { ChartReport } from '../model/chartReport.ts';
import type { DatasetSummary, DimensionReport } from '../model/report.ts';
import type { SiteReport } from '../model/siteReport.ts';

/**
 * One report as the pages see it: the report itself, its addresses and lookups. Every
 * render helper takes the site it renders as an argument, and components read it from
 * `Astro.locals.site` (set per page by src/middleware.ts), so a page can render any
 * version of a report: none of them reads a module-level report.
 */
export interface Site {
  readonly report: SiteReport;
  readonly language: string;
  /** A link to a page of the site, below the base path, so the site works from a sub-path. */
  path(path: string): string;
  /** The absolute, published address of a link made by `path` (canonical links, citations). */
  published(link: string): string;
  chart(id: string): ChartReport;
  dataset(id: string): DatasetSummary;
  dimension(id: string): DimensionReport;
  /** The publications the report accompanies, as reference-list text, for the illustrative notice. */
  readonly basedOnReferences: readonly string[];
}

const sites = new WeakMap<SiteReport, Site>();

/** The site of a report, made once per report object. */
export function siteOf(report: SiteReport): Site {
  let site = sites.get(report);
  if (!site) {
    site = makeSite(report);
    sites.set(report, site);
  }
  return site;
}

function makeSite(report: SiteReport): Site {
  // The base path comes from `url` in study.yaml, not from Astro's BASE_URL: environment
  // variables of that name (set by test runners and some CI systems) would move every link.
  const base = new URL(report.study.url).pathname.replace(/\/$/, '');
  const path = (to: string) => `${base}/${to.replace(/^\//, '')}`;
  const find = <T extends { id: string }>(items: readonly T[], id: string, what: string): T => {
    const found = items.find((item) => item.id === id);
    // Every reference in chapters and definitions is checked at load time: a miss is a bug.
    if (!found) throw new Error(`internal: unknown ${what} "${id}"`);
    return found;
  };
  let basedOn: readonly string[] | undefined;
  return {
    report,
    language: report.study.language,
    path,
    published: (link) => new URL(link, new URL(report.study.url).origin).href,
    chart: (id) => find(report.charts, id, 'chart'),
    dataset: (id) => find(report.datasets, id, 'dataset'),
    dimension: (id) => find(report.dimensions, id, 'dimension'),
    get basedOnReferences() {
      basedOn ??= report.study.basedOn.map((item) => formatReference([item]));
      return basedOn;
    },
  };
}
