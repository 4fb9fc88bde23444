import { inTextCitation, referenceOf, type Reference } from '../cite/bibliography.ts';
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

/** "(Doe, 2020; Roe, 2021)" for the keys of one citation, formatted once per distinct citation. */
export function inTextCitationOf(site: Site, keys: readonly string[]): string {
  const { inText } = referencesOf(site);
  const id = keys.join(';');
  let text = inText.get(id);
  if (text === undefined) {
    // Every key was checked against references.bib when the chapters were planned.
    const items = keys.flatMap((key) => {
      const found = site.report.references.find((reference) => reference.key === key);
      return found ? [found.item] : [];
    });
    text = inTextCitation(items);
    inText.set(id, text);
  }
  return text;
}
