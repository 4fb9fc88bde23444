import { stringify } from 'yaml';
import type { StudySummary } from '../model/report.ts';
import type { CslName } from './cslItem.ts';
import { cslReference, type CslReference } from './cslReference.ts';
import { licenseUrl } from './license.ts';
import { orcidUrl } from './orcid.ts';

/** A person in CFF 1.2.0. */
export interface CffPerson {
  'family-names'?: string;
  'given-names'?: string;
  orcid?: string;
  affiliation?: string;
}

/** An organisation (CFF calls it an entity); CFF gives entities no affiliation. */
export interface CffEntity {
  name: string;
  orcid?: string;
}

export type CffAuthor = CffPerson | CffEntity;

/** A CFF 1.2.0 reference: the `preferred-citation`, or one of `references`. */
export interface CffReference {
  type: string;
  title: string;
  authors: CffAuthor[];
  journal?: string;
  'collection-title'?: string;
  volume?: number;
  issue?: string;
  start?: number;
  end?: number;
  year?: number;
  month?: number;
  'date-published'?: string;
  doi?: string;
  url?: string;
  version?: string;
  publisher?: CffEntity;
}

/** The contents of a `CITATION.cff` (Citation File Format 1.2.0) for a whole report. */
export interface CitationCff {
  'cff-version': '1.2.0';
  message: string;
  title: string;
  version: string;
  'date-released': string;
  license?: string;
  'license-url'?: string;
  url: string;
  abstract: string;
  authors: CffAuthor[];
  'preferred-citation': CffReference;
  references?: CffReference[];
}

/** What a CITATION.cff is made from: the report's metadata from study.yaml. */
export type CffStudy = Pick<
  StudySummary,
  'title' | 'version' | 'date' | 'license' | 'publisher' | 'url' | 'abstract' | 'authors' | 'basedOn' | 'doi'
>;

export const CFF_MESSAGE = "If you use this report, please cite it using the metadata from 'preferred-citation'.";

// SPDX ids, in their canonical spelling, of the licences `licenseUrl` knows; CFF 1.2.0 checks
// `license` against the SPDX list case-sensitively.
const SPDX_SPELLING: Record<string, string> = {
  'cc0-1.0': 'CC0-1.0',
  'pddl-1.0': 'PDDL-1.0',
  'odc-by-1.0': 'ODC-By-1.0',
  'odbl-1.0': 'ODbL-1.0',
};
const SPDX_SHAPE = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

/**
 * `license` (an SPDX id) or `license-url`, as CFF wants them: a known id in its SPDX spelling
 * (`cc-by-4.0` → `CC-BY-4.0`), another id-shaped value as written, a URL as `license-url`.
 * Free text ("All rights reserved") has no place in CFF and is left out.
 */
export function cffLicense(license: string): Pick<CitationCff, 'license' | 'license-url'> {
  const value = license.trim();
  const id = value.toLowerCase();
  const known = licenseUrl(value);
  if (/^https?:\/\//i.test(value)) return known === undefined ? {} : { 'license-url': known };
  if (known !== undefined) return { license: SPDX_SPELLING[id] ?? id.toUpperCase() };
  return SPDX_SHAPE.test(value) ? { license: value } : {};
}

function cffAuthor(author: StudySummary['authors'][number]): CffAuthor {
  const orcid = author.orcid === undefined ? {} : { orcid: orcidUrl(author.orcid) };
  if (author.literal !== undefined) return { name: author.literal, ...orcid };
  return {
    ...(author.family === undefined ? {} : { 'family-names': author.family }),
    ...(author.given === undefined ? {} : { 'given-names': author.given }),
    ...orcid,
    ...(author.affiliation === undefined ? {} : { affiliation: author.affiliation }),
  };
}

function referenceAuthor(name: CslName): CffAuthor {
  if (name.literal !== undefined) return { name: name.literal };
  return {
    ...(name.family === undefined ? {} : { 'family-names': name.family }),
    ...(name.given === undefined ? {} : { 'given-names': name.given }),
  };
}

// CSL item types and the CFF reference type closest to each; anything else is `generic`.
const CFF_TYPES: Record<string, string> = {
  article: 'article',
  'article-journal': 'article',
  'article-magazine': 'magazine-article',
  'article-newspaper': 'newspaper-article',
  book: 'book',
  dataset: 'data',
  manuscript: 'unpublished',
  map: 'map',
  'paper-conference': 'conference-paper',
  patent: 'patent',
  'post-weblog': 'blog',
  report: 'report',
  software: 'software',
  standard: 'standard',
  thesis: 'thesis',
  webpage: 'website',
};
const JOURNAL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper']);
const wholeNumber = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);

/** A `based_on` publication as a CFF reference. */
function basedOnReference(reference: CslReference): CffReference {
  const result: CffReference = {
    type: CFF_TYPES[reference.type] ?? 'generic',
    title: reference.title,
    // CFF requires an author; its guide says to write an unknown one as "anonymous".
    authors: reference.authors.length > 0 ? reference.authors.map(referenceAuthor) : [{ name: 'anonymous' }],
  };
  if (reference.containerTitle !== undefined) {
    if (JOURNAL_TYPES.has(reference.type)) result.journal = reference.containerTitle;
    else result['collection-title'] = reference.containerTitle;
  }
  // CFF 1.2.0 takes volume and pages as integers only; "12A" or "e1234" would make the file invalid.
  const volume = wholeNumber(reference.volume);
  if (volume !== undefined) result.volume = volume;
  if (reference.issue !== undefined) result.issue = reference.issue;
  const pages = reference.page?.split(/\s*[-–—]+\s*/);
  const start = wholeNumber(pages?.[0]);
  const end = wholeNumber(pages?.[1]);
  if (start !== undefined) result.start = start;
  if (start !== undefined && end !== undefined) result.end = end;
  if (reference.issued !== undefined) {
    result.year = reference.issued.year;
    if (reference.issued.month !== undefined) result.month = reference.issued.month;
  }
  if (reference.doi !== undefined && /^10\.\d{4,9}(\.\d+)?\/[A-Za-z0-9:/_;\-.()[\]\\]+$/.test(reference.doi)) result.doi = reference.doi;
  if (reference.url !== undefined) result.url = reference.url;
  if (reference.publisher !== undefined) result.publisher = { name: reference.publisher };
  return result;
}

/**
 * The report's CITATION.cff as data: the report itself, cited as `preferred-citation` of type
 * `report`, and the publications it is based on as `references`.
 *
 * CFF 1.2.0 allows only `software` or `dataset` as the root `type`, neither of which a report
 * is, so the root has no `type` and points readers at `preferred-citation`.
 * Strings are kept exactly as written in study.yaml; {@link citationCffYaml} quotes them.
 */
export function citationCff(study: CffStudy): CitationCff {
  const authors = study.authors.map(cffAuthor);
  const preferred: CffReference = {
    type: 'report',
    title: study.title,
    authors: study.authors.map(cffAuthor),
    year: Number(study.date.slice(0, 4)),
    'date-published': study.date,
    url: study.url,
    version: study.version,
    ...(study.doi === undefined ? {} : { doi: study.doi }),
    ...(study.publisher === undefined ? {} : { publisher: { name: study.publisher } }),
  };
  const references = study.basedOn.map((item) => basedOnReference(cslReference(item)));
  return {
    'cff-version': '1.2.0',
    message: CFF_MESSAGE,
    title: study.title,
    version: study.version,
    ...(study.doi === undefined ? {} : { doi: study.doi }),
    'date-released': study.date,
    ...cffLicense(study.license),
    url: study.url,
    abstract: study.abstract,
    authors,
    'preferred-citation': preferred,
    ...(references.length > 0 ? { references } : {}),
  };
}

// YAML escapes for the characters YAML 1.1 reads as line breaks (see below).
const YAML_1_1_BREAK_ESCAPES: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

/**
 * The CITATION.cff file text, written by the `yaml` package. Every string value is
 * double-quoted, so text from study.yaml (quotes, `#`, `:`, braces, line breaks) stays one
 * string, and values such as `2026-11-25`, `1.0`, `yes` or `0o17` stay strings for YAML 1.2
 * readers and for YAML 1.1 readers alike (PyYAML; Ruby's Psych, which GitHub uses).
 * The characters YAML 1.1 reads as line breaks but 1.2 does not (NEL, LS, PS) are written
 * as escapes, which is only possible because every one of them is inside a quoted string.
 * No anchors or aliases: the report's authors are written out twice.
 */
export function citationCffYaml(study: CffStudy): string {
  return stringify(citationCff(study), {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    aliasDuplicateObjects: false,
  }).replace(/[\u0085\u2028\u2029]/g, (character) => YAML_1_1_BREAK_ESCAPES[character] ?? character);
}
