import type { CitableWork } from './citableWork.ts';
import { httpUrl } from './httpUrl.ts';
import { orcidUrl } from './orcid.ts';
import { optionalPlainText, plainText } from './plainText.ts';
import { slashedDate } from './workDate.ts';

export interface MetaTag {
  name: string;
  content: string;
}

export interface HighwireExtra {
  /** A PDF of the work, if the site publishes one (`citation_pdf_url`). */
  pdfUrl?: string;
}

function authorName(author: CitableWork['authors'][number]): string | undefined {
  const literal = optionalPlainText(author.literal);
  if (literal !== undefined) return literal;
  const family = optionalPlainText(author.family);
  const given = optionalPlainText(author.given);
  if (family !== undefined) return given === undefined ? family : `${family}, ${given}`;
  return given;
}

/**
 * Highwire Press `<meta name="citation_…">` tags for the work's page, in document order.
 *
 * Tags documented in Google Scholar's inclusion guidelines:
 * - `citation_title`; `citation_author`, one per author in order, "Family, Given"
 *   (organisations as written);
 * - `citation_publication_date` and `citation_online_date`, `YYYY/MM/DD` — the site is where
 *   the work is first published, so both carry the work's date;
 * - `citation_technical_report_institution`, for a whole report with a publisher only: it is
 *   the tag Scholar documents for reports; on a single chart it would misdescribe it as one;
 * - `citation_pdf_url`, when a PDF exists.
 * No tag in that list fits a chart within a report, or a version or licence, so none is forced.
 *
 * Highwire tags outside Google's list but read by reference managers (Zotero's embedded
 * metadata import, Mendeley): `citation_author_institution` and `citation_author_orcid`
 * directly after their `citation_author`; `citation_inbook_title` (the report, for a chart,
 * so it is imported as a part of a larger work); `citation_publisher`; `citation_language`;
 * and the landing page as `citation_abstract_html_url` and `citation_public_url`.
 *
 * Contents are plain single-line text; the page escapes them as attribute values.
 */
export function highwireTags(work: CitableWork, extra: HighwireExtra = {}): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined) => {
    if (content !== undefined && content !== '') tags.push({ name, content });
  };
  add('citation_title', plainText(work.title));
  for (const author of work.authors) {
    const name = authorName(author);
    if (name === undefined) continue;
    add('citation_author', name);
    add('citation_author_institution', optionalPlainText(author.affiliation));
    if (author.orcid !== undefined) add('citation_author_orcid', orcidUrl(author.orcid));
  }
  const date = slashedDate(work.date);
  add('citation_publication_date', date);
  add('citation_online_date', date);
  const publisher = optionalPlainText(work.publisher);
  if (work.kind === 'report') add('citation_technical_report_institution', publisher);
  if (work.kind === 'figure') add('citation_inbook_title', optionalPlainText(work.containerTitle));
  add('citation_publisher', publisher);
  add('citation_language', optionalPlainText(work.language));
  const url = httpUrl(work.url, `URL of work "${work.id}"`);
  add('citation_abstract_html_url', url);
  add('citation_public_url', url);
  if (extra.pdfUrl !== undefined) add('citation_pdf_url', httpUrl(extra.pdfUrl, 'PDF URL'));
  return tags;
}
