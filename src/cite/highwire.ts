import type { CitableWork } from './citableWork.ts';
import { versionEdition } from './cslItem.ts';
import { httpUrl } from './httpUrl.ts';
import { orcidUrl } from './orcid.ts';
import { optionalPlainText, plainText } from './plainText.ts';
import { slashedDate } from './workDate.ts';

export interface MetaTag {
  name: string;
  content: string;
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
 * Highwire Press `<meta name="citation_…">` tags for the work's page, in document order, and
 * the version as `prism.edition`. Reference managers choose the item type from these tags
 * (Zotero's Embedded Metadata translator takes the type from the last type-choosing tag), so
 * a page carries exactly one such tag, for the type its cite files have:
 * - a section (a chart or a chapter) carries `citation_inbook_title`, the report's title, and
 *   is imported as a book section (Zotero: bookSection, the report as its book title). Not
 *   `citation_book_title`: Zotero reads the `book` in its name as an Open Graph `book:` prefix
 *   and never sees the tag;
 * - a whole report carries `DC.type` "report" and, if it has a publisher,
 *   `citation_technical_report_institution`, and is imported as a report. Zotero reads
 *   `DC.type` only when no citation_ tag chose a type, which is the case of a report without
 *   a publisher: `citation_title` alone would make it guess a journal article.
 * Never on the same page: `citation_journal_title` (journal article), `citation_conference_title`,
 * `citation_dissertation_institution`, `citation_isbn`; nor `citation_pdf_url`, as the site
 * publishes no PDF of a chart or a chapter, and one of the whole report would be attached to
 * the wrong item.
 *
 * The other tags: `citation_title`; `citation_author`, one per author in order, "Family, Given"
 * (organisations as written), each followed by its `citation_author_institution` and
 * `citation_author_orcid`; `citation_publication_date` and `citation_online_date`,
 * `YYYY/MM/DD` — the site is where the work is first published, so both carry the work's
 * date; `citation_publisher`; `citation_language`; the landing page as
 * `citation_abstract_html_url` and `citation_public_url` (Zotero's URL).
 *
 * A section's version is `prism.edition`, "Version 1.1.0": Zotero keeps it as the book
 * section's edition, as it does the `edition` of the cite files. There is no Highwire tag for
 * a version (`citation_version`, `DC.hasVersion` and JSON-LD are ignored by Zotero), and a
 * report's version has no Zotero field, so a report page carries none.
 *
 * Contents are plain single-line text; the page escapes them as attribute values.
 */
export function highwireTags(work: CitableWork): MetaTag[] {
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
  if (work.kind === 'section') {
    add('citation_inbook_title', optionalPlainText(work.containerTitle));
    const version = optionalPlainText(work.version);
    if (version !== undefined) add('prism.edition', versionEdition(version));
  } else {
    add('citation_technical_report_institution', publisher);
    add('DC.type', 'report');
  }
  add('citation_publisher', publisher);
  add('citation_language', optionalPlainText(work.language));
  const url = httpUrl(work.url, `URL of work "${work.id}"`);
  add('citation_abstract_html_url', url);
  add('citation_public_url', url);
  return tags;
}
