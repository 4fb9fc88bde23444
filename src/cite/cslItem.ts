import type { CitableWork, WorkAuthor } from './citableWork.ts';
import { citationKey } from './citationKey.ts';
import { httpUrl } from './httpUrl.ts';
import { optionalPlainText, plainText } from './plainText.ts';
import { parseWorkDate } from './workDate.ts';

/** A CSL name: a person in parts, or an organisation as one `literal`. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** The CSL-JSON (CSL 1.0.2) item this module builds for a work; every format derives from it. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'chapter' | 'report';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  /** A section's version, as {@link versionEdition} writes it. */
  edition?: string;
  /** A whole report's version, as written in study.yaml. */
  version?: string;
  issued: { 'date-parts': [[number, number, number]] };
  publisher?: string;
  URL: string;
  DOI?: string;
  license: string;
  language?: string;
  abstract?: string;
}

function cslName(author: WorkAuthor, index: number): CslName {
  const literal = optionalPlainText(author.literal);
  if (literal !== undefined) return { literal };
  const family = optionalPlainText(author.family);
  const given = optionalPlainText(author.given);
  if (family !== undefined) return given === undefined ? { family } : { family, given };
  // A lone given name ("Madonna") cannot be sorted or abbreviated as a person's; keep it whole.
  if (given !== undefined) return { literal: given };
  throw new Error(`Author ${index + 1} has no name: give family (and given) or literal`);
}

/**
 * A version as the `edition` of a section: "Version 1.1.0". Reference managers keep a
 * chapter's edition but drop its CSL `version` (Zotero has no version field for a book
 * section), and styles print an edition as written, so the word makes it read as a version:
 * a bare "1.1.0" would print as "1.1.0 ed.". See docs/citing.md.
 */
export function versionEdition(version: string): string {
  return `Version ${version}`;
}

/**
 * The work as one CSL-JSON item: a section (a chart or a chapter) as a `chapter` of the report,
 * whose title is its `container-title` and whose version is its `edition`; a whole report as a
 * `report` with its `version`.
 *
 * Every string passes through {@link plainText} (one line, single spaces) and the URL through
 * {@link httpUrl}; see those for the holes in citation-js's RIS and BibTeX output they close.
 *
 * @throws Error for a missing title, an unnamed author, a malformed date or a non-http(s) URL.
 */
export function cslItem(work: CitableWork): CslItem {
  const title = plainText(work.title);
  if (title === '') throw new Error(`Work "${work.id}" has an empty title`);
  const { year, month, day } = parseWorkDate(work.date);
  const key = citationKey(work);
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: work.kind === 'section' ? 'chapter' : 'report',
    title,
    issued: { 'date-parts': [[year, month, day]] },
    URL: httpUrl(work.url, `URL of work "${work.id}"`),
    license: plainText(work.license),
  };
  const doi = optionalPlainText(work.doi);
  if (doi !== undefined) item.DOI = doi;
  if (work.authors.length > 0) item.author = work.authors.map(cslName);
  const containerTitle = optionalPlainText(work.containerTitle);
  if (containerTitle !== undefined) item['container-title'] = containerTitle;
  const version = optionalPlainText(work.version);
  if (version !== undefined) {
    if (work.kind === 'section') item.edition = versionEdition(version);
    else item.version = version;
  }
  const publisher = optionalPlainText(work.publisher);
  if (publisher !== undefined) item.publisher = publisher;
  const language = optionalPlainText(work.language);
  if (language !== undefined) item.language = language;
  const abstract = optionalPlainText(work.abstract);
  if (abstract !== undefined) item.abstract = abstract;
  return item;
}
