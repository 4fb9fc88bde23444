import { citationsFor, jsonLd, type CitableWork, type Citations, type JsonLdNode } from '../cite/index.ts';
import { cslReference } from '../cite/cslReference.ts';
import { referenceJsonLd } from '../cite/referenceJsonLd.ts';
import { sitePath } from './paths.ts';
import { report } from './site.ts';

/** The whole report as a citable work: by its authors, at its published address. */
export function reportWork(): CitableWork {
  const { study } = report;
  return {
    kind: 'report',
    id: study.id,
    title: study.title,
    authors: study.authors,
    version: study.version,
    date: study.date,
    ...(study.publisher === undefined ? {} : { publisher: study.publisher }),
    url: study.url,
    license: study.license,
    abstract: study.abstract,
    language: study.language,
  };
}

/** Where the report's citation files are, as links on the site. */
export function reportCitationPaths() {
  return {
    bib: sitePath('cite.bib'),
    ris: sitePath('cite.ris'),
    csl: sitePath('cite.json'),
    cff: sitePath('CITATION.cff'),
  };
}

let cached: Citations | undefined;

/** Every citation format of the report, made once per build for its pages and its downloads. */
export function reportCitations(): Citations {
  cached ??= citationsFor(reportWork());
  return cached;
}

/**
 * schema.org JSON-LD for the report: a `Report` that `isBasedOn` the publications of
 * `based_on` in study.yaml (a journal article as a `ScholarlyArticle` at its DOI).
 */
export function reportLinkedData(): JsonLdNode {
  const node = jsonLd(reportWork());
  const basedOn = report.study.basedOn.map((item) => referenceJsonLd(cslReference(item)));
  const [only] = basedOn;
  if (only !== undefined) node.isBasedOn = basedOn.length === 1 ? only : basedOn;
  return node;
}
