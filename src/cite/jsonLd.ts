import type { CitableWork, WorkAuthor } from './citableWork.ts';
import { httpUrl } from './httpUrl.ts';
import { licenseUrl } from './license.ts';
import { orcidUrl } from './orcid.ts';
import { optionalPlainText, plainText } from './plainText.ts';
import { parseWorkDate } from './workDate.ts';

/** A dataset a work is based on (schema.org `Dataset`). */
export interface DatasetReference {
  name: string;
  url: string;
  description?: string;
}

/** One rendering of a chart image, e.g. `{ url: '…/chart.svg', encodingFormat: 'image/svg+xml' }`. */
export interface ImageFile {
  url: string;
  encodingFormat: string;
}

export interface JsonLdOptions {
  /** A chart's image files, main one first (its URL becomes `contentUrl`). Sections only: a section with images is a chart. */
  images?: readonly ImageFile[];
  /** The report a section belongs to; its name defaults to the work's `containerTitle`. */
  report?: { url: string; name?: string };
  /** The data the work is drawn from, as `isBasedOn`. */
  datasets?: readonly DatasetReference[];
  /** For one version of a work: the address of the work across versions (its live page), as `exampleOfWork`. */
  versionOf?: string;
}

/** A schema.org node: plain data for the page to serialise. */
export type JsonLdNode = { [property: string]: JsonLdValue };
export type JsonLdValue = string | JsonLdNode | JsonLdValue[];

function authorNode(author: WorkAuthor): JsonLdNode {
  const literal = optionalPlainText(author.literal);
  const family = optionalPlainText(author.family);
  const given = optionalPlainText(author.given);
  const node: JsonLdNode =
    literal !== undefined
      ? { '@type': 'Organization', name: literal }
      : {
          '@type': 'Person',
          name: [given, family].filter((part) => part !== undefined).join(' '),
          ...(given === undefined ? {} : { givenName: given }),
          ...(family === undefined ? {} : { familyName: family }),
        };
  if (author.orcid !== undefined) {
    const orcid = orcidUrl(author.orcid);
    node.identifier = orcid;
    node.sameAs = orcid;
  }
  const affiliation = optionalPlainText(author.affiliation);
  if (affiliation !== undefined) node.affiliation = { '@type': 'Organization', name: affiliation };
  return node;
}

function datasetNode(dataset: DatasetReference): JsonLdNode {
  const node: JsonLdNode = { '@type': 'Dataset', name: plainText(dataset.name), url: httpUrl(dataset.url, 'Dataset URL') };
  const description = optionalPlainText(dataset.description);
  if (description !== undefined) node.description = description;
  return node;
}

/**
 * schema.org JSON-LD for the work's page. A section with images is a chart: an `ImageObject`
 * with `contentUrl` and its other encodings; a section without is a chapter: a `Chapter`.
 * Either `isPartOf` its report and `isBasedOn` its datasets. A whole report is a `Report`.
 *
 * `license` is a URL for SPDX ids with a known canonical URL (see {@link licenseUrl}) and the
 * text as given otherwise. Author ORCID iDs appear as both `identifier` and `sameAs`.
 * Strings are plain text; serialising the object safely into a `<script>` is the page's job.
 */
export function jsonLd(work: CitableWork, options: JsonLdOptions = {}): JsonLdNode {
  parseWorkDate(work.date);
  const title = plainText(work.title);
  const isChart = work.kind === 'section' && (options.images ?? []).length > 0;
  const node: JsonLdNode = {
    '@context': 'https://schema.org',
    '@type': work.kind === 'report' ? 'Report' : isChart ? 'ImageObject' : 'Chapter',
    name: title,
  };
  const abstract = optionalPlainText(work.abstract);
  if (isChart) node.caption = abstract ?? title;
  if (abstract !== undefined) node.description = abstract;
  if (work.authors.length > 0) node.author = work.authors.map(authorNode);
  node.datePublished = work.date;
  const version = optionalPlainText(work.version);
  if (version !== undefined) node.version = version;
  const license = plainText(work.license);
  node.license = licenseUrl(license) ?? license;
  node.url = httpUrl(work.url, `URL of work "${work.id}"`);
  const language = optionalPlainText(work.language);
  if (language !== undefined) node.inLanguage = language;
  const publisher = optionalPlainText(work.publisher);
  if (publisher !== undefined) node.publisher = { '@type': 'Organization', name: publisher };

  if (work.kind === 'section') {
    const [main, ...others] = options.images ?? [];
    if (main !== undefined) {
      node.contentUrl = httpUrl(main.url, 'Image URL');
      node.encodingFormat = plainText(main.encodingFormat);
      if (others.length > 0) {
        node.encoding = others.map((image) => ({
          '@type': 'MediaObject',
          contentUrl: httpUrl(image.url, 'Image URL'),
          encodingFormat: plainText(image.encodingFormat),
        }));
      }
    }
    if (options.report !== undefined) {
      const name = optionalPlainText(options.report.name) ?? optionalPlainText(work.containerTitle);
      node.isPartOf = {
        '@type': 'Report',
        ...(name === undefined ? {} : { name }),
        url: httpUrl(options.report.url, 'Report URL'),
      };
    }
  }
  if (options.versionOf !== undefined)
    node.exampleOfWork = { '@type': node['@type'] as string, url: httpUrl(options.versionOf, 'URL of the work across versions') };
  const datasets = (options.datasets ?? []).map(datasetNode);
  const [onlyDataset] = datasets;
  if (onlyDataset !== undefined) node.isBasedOn = datasets.length === 1 ? onlyDataset : datasets;
  return node;
}
