import { citationsFor, jsonLd, type CitableWork, type Citations, type JsonLdNode } from '../cite/index.ts';
import { cslReference } from '../cite/cslReference.ts';
import { referenceJsonLd } from '../cite/referenceJsonLd.ts';
import type { ReleaseEntry } from '../model/releases.ts';
import type { SiteReport } from '../model/siteReport.ts';
import type { Site } from './site.ts';

/** The whole report as a citable work: by its authors, at its published address. */
export function reportWork(site: Site): CitableWork {
  const { study } = site.report;
  return {
    kind: 'report',
    id: study.id,
    title: study.title,
    authors: study.authors,
    version: study.version,
    date: study.date,
    ...(study.publisher === undefined ? {} : { publisher: study.publisher }),
    // The DOI reserved for this version (study.yaml `doi:`), frozen with its citation files when released.
    ...(study.doi === undefined ? {} : { doi: study.doi }),
    url: study.url,
    license: study.license,
    abstract: study.abstract,
    language: study.language,
  };
}

/** A part of the report that is cited on its own: a chart, a chapter. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  /** The published address the citation points to. */
  readonly url: string;
  readonly abstract?: string | undefined;
  /** Absent for a chart cited across its versions. */
  readonly version?: string | undefined;
  readonly date: string;
  readonly doi?: string | undefined;
}

/**
 * A section of the report as a citable work (docs/citing.md): by the report's authors, under
 * its licence and publisher, with the report as its container.
 */
export function sectionWork(site: Site, section: ReportSection): CitableWork {
  const { study } = site.report;
  return {
    kind: 'section',
    id: section.id,
    title: section.title,
    authors: study.authors,
    containerTitle: study.title,
    ...(section.version === undefined ? {} : { version: section.version }),
    date: section.date,
    ...(study.publisher === undefined ? {} : { publisher: study.publisher }),
    ...(section.doi === undefined ? {} : { doi: section.doi }),
    url: section.url,
    license: study.license,
    ...(section.abstract === undefined ? {} : { abstract: section.abstract }),
    language: study.language,
  };
}

/**
 * The report as one release of it: that release's version, date and DOI (none when the
 * release had none, whatever study.yaml says now). The rest comes from study.yaml as this
 * build reads it, as in the citation files frozen with the release.
 */
export function releaseWork(site: Site, release: Pick<ReleaseEntry, 'version' | 'date' | 'doi'>): CitableWork {
  const { version: _version, date: _date, doi: _doi, ...work } = reportWork(site);
  return { ...work, version: release.version, date: release.date, ...(release.doi === undefined ? {} : { doi: release.doi }) };
}

const releaseCache = new WeakMap<SiteReport, Map<string, Citations>>();

/** Every citation format of one release of the report, made once per build. */
export function releaseCitations(site: Site, release: Pick<ReleaseEntry, 'version' | 'date' | 'doi'>): Citations {
  let byVersion = releaseCache.get(site.report);
  if (!byVersion) {
    byVersion = new Map();
    releaseCache.set(site.report, byVersion);
  }
  let citations = byVersion.get(release.version);
  if (!citations) {
    citations = citationsFor(releaseWork(site, release));
    byVersion.set(release.version, citations);
  }
  return citations;
}

/** Where the report's citation files are, as links on the site. */
export function reportCitationPaths(site: Site) {
  return {
    bib: site.path('cite.bib'),
    ris: site.path('cite.ris'),
    csl: site.path('cite.json'),
    cff: site.path('CITATION.cff'),
  };
}

const cached = new WeakMap<SiteReport, Citations>();

/** Every citation format of the report, made once per build for its pages and its downloads. */
export function reportCitations(site: Site): Citations {
  let citations = cached.get(site.report);
  if (!citations) {
    citations = citationsFor(reportWork(site));
    cached.set(site.report, citations);
  }
  return citations;
}

/**
 * schema.org JSON-LD for the report: a `Report` that `isBasedOn` the publications of
 * `based_on` in study.yaml (a journal article as a `ScholarlyArticle` at its DOI).
 */
export function reportLinkedData(site: Site): JsonLdNode {
  const node = jsonLd(reportWork(site));
  const basedOn = site.report.study.basedOn.map((item) => referenceJsonLd(cslReference(item)));
  const [only] = basedOn;
  if (only !== undefined) node.isBasedOn = basedOn.length === 1 ? only : basedOn;
  return node;
}
