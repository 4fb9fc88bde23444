import type { CslName } from './cslItem.ts';
import type { CslReference } from './cslReference.ts';
import { httpUrl } from './httpUrl.ts';
import type { JsonLdNode } from './jsonLd.ts';
import { optionalPlainText, plainText } from './plainText.ts';

// CSL item types and the schema.org type of each; anything else is a CreativeWork.
const SCHEMA_TYPES: Record<string, string> = {
  article: 'ScholarlyArticle',
  'article-journal': 'ScholarlyArticle',
  'article-magazine': 'Article',
  'article-newspaper': 'NewsArticle',
  'paper-conference': 'ScholarlyArticle',
  book: 'Book',
  chapter: 'Chapter',
  dataset: 'Dataset',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'WebPage',
};
const PERIODICAL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper']);

function nameNode(name: CslName): JsonLdNode {
  const literal = optionalPlainText(name.literal);
  if (literal !== undefined) return { '@type': 'Organization', name: literal };
  const given = optionalPlainText(name.given);
  const family = optionalPlainText(name.family);
  return {
    '@type': 'Person',
    name: [given, family].filter((part) => part !== undefined).join(' '),
    ...(given === undefined ? {} : { givenName: given }),
    ...(family === undefined ? {} : { familyName: family }),
  };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The periodical an article appeared in, nested issue → volume → periodical as schema.org models it. */
function periodical(reference: CslReference, name: string): JsonLdNode {
  let container: JsonLdNode = { '@type': 'Periodical', name };
  const volume = optionalPlainText(reference.volume);
  if (volume !== undefined) container = { '@type': 'PublicationVolume', volumeNumber: volume, isPartOf: container };
  const issue = optionalPlainText(reference.issue);
  if (issue !== undefined) container = { '@type': 'PublicationIssue', issueNumber: issue, isPartOf: container };
  return container;
}

function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return httpUrl(value);
  } catch {
    return undefined;
  }
}

/**
 * A publication a report is based on as a schema.org node: a journal article as a
 * `ScholarlyArticle` in its periodical, with its DOI as `@id`, `url` (https://doi.org/…) and
 * `identifier`; without a DOI its own URL, if any, is the `url`. Strings are plain text.
 */
export function referenceJsonLd(reference: CslReference): JsonLdNode {
  const doiUrl = reference.doi === undefined ? undefined : safeUrl(`https://doi.org/${reference.doi}`);
  const node: JsonLdNode = {
    '@type': SCHEMA_TYPES[reference.type] ?? 'CreativeWork',
    ...(doiUrl === undefined ? {} : { '@id': doiUrl }),
    name: plainText(reference.title),
  };
  if (reference.authors.length > 0) node.author = reference.authors.map(nameNode);
  const { issued } = reference;
  if (issued !== undefined) {
    node.datePublished = [
      String(issued.year).padStart(4, '0'),
      ...(issued.month === undefined ? [] : [twoDigits(issued.month)]),
      ...(issued.day === undefined ? [] : [twoDigits(issued.day)]),
    ].join('-');
  }
  const container = optionalPlainText(reference.containerTitle);
  if (container !== undefined) {
    node.isPartOf = PERIODICAL_TYPES.has(reference.type)
      ? periodical(reference, container)
      : { '@type': reference.type === 'chapter' ? 'Book' : 'CreativeWork', name: container };
  }
  const page = optionalPlainText(reference.page);
  if (page !== undefined) node.pagination = page;
  const publisher = optionalPlainText(reference.publisher);
  if (publisher !== undefined) node.publisher = { '@type': 'Organization', name: publisher };
  const url = doiUrl ?? safeUrl(reference.url);
  if (url !== undefined) node.url = url;
  if (doiUrl !== undefined && reference.doi !== undefined)
    node.identifier = { '@type': 'PropertyValue', propertyID: 'DOI', value: plainText(reference.doi) };
  return node;
}
