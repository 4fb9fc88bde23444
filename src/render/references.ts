import { inTextCitation, narrativeCitation, referenceOf, type Reference } from '../cite/bibliography.ts';
import type { CitedKey } from '../chapters/citationSyntax.ts';
import type { SiteReport } from '../model/siteReport.ts';
import type { Site } from './site.ts';

const formatted = new WeakMap<SiteReport, { all: readonly Reference[]; inText: Map<string, string> }>();

/** The report's reference list and in-text citations, formatted once per report. */
function referencesOf(site: Site) {
  let entry = formatted.get(site.report);
  if (!entry) {
    entry = { all: site.report.references.map(referenceOf).sort((a, b) => a.apa.localeCompare(b.apa)), inText: new Map() };
    formatted.set(site.report, entry);
  }
  return entry;
}

/** Every cited work as an APA reference list entry, in reference-list order. */
export function allReferences(site: Site): readonly Reference[] {
  return referencesOf(site).all;
}

export function referencesFor(site: Site, keys: readonly string[]): Reference[] {
  return allReferences(site).filter((reference) => keys.includes(reference.key));
}

/** The CSL item of a cited work; undefined for a key no chapter cites from references.bib. */
function citedItem(site: Site, key: string) {
  return site.report.references.find((reference) => reference.key === key)?.item;
}

/**
 * "(Doe, 2020; Roe, 2021)" for the works of one citation, "(2020)" for a work whose author is
 * suppressed (`[-@doe2020]`), formatted once per distinct citation.
 */
export function inTextCitationOf(site: Site, cited: readonly CitedKey[]): string {
  const { inText } = referencesOf(site);
  const id = cited.map((work) => `${work.suppressAuthor ? '-' : ''}${work.key}`).join(';');
  let text = inText.get(id);
  if (text === undefined) {
    // Every key was checked against references.bib when the chapters were planned.
    const works = cited.flatMap((work) => {
      const item = citedItem(site, work.key);
      return item ? [{ item, options: { suppressAuthor: work.suppressAuthor } }] : [];
    });
    text = inTextCitation(
      works.map((work) => work.item),
      works.map((work) => work.options),
    );
    inText.set(id, text);
  }
  return text;
}

/**
 * "Doe (2020)" for a narrative citation, `@doe2020` in the prose; undefined when the key is
 * no cited work, which makes a bare `@word` an @handle rather than a citation.
 */
export function narrativeCitationOf(site: Site, key: string): string | undefined {
  const item = citedItem(site, key);
  return item === undefined ? undefined : narrativeCitation(item);
}
