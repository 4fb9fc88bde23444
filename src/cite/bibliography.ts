import { Cite } from './citationJs.ts';
import '@citation-js/plugin-bibtex';
import type { CitedWork } from '../model/siteReport.ts';
import { formattedOnce } from './formattedOnce.ts';

export type { CitedWork };

/** A work as it appears in a reference list. */
export interface Reference {
  readonly key: string;
  /** The APA 7 reference list entry, as plain text. */
  readonly apa: string;
}

export type BibliographyResult = { ok: true; items: ReadonlyMap<string, Record<string, unknown>> } | { ok: false; message: string };

/** Parse a BibTeX file into CSL-JSON items by citation key, with citation-js. */
export function parseBibliography(bibtex: string): BibliographyResult {
  try {
    const items = new Cite(bibtex, { forceType: '@biblatex/text' }).data;
    return { ok: true, items: new Map(items.map((item) => [String(item['citation-key'] ?? item.id), item])) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

/** The APA list entry of a work, by citation-js. */
export function referenceOf(work: CitedWork): Reference {
  return formattedOnce('referenceOf', work, () => ({
    key: work.key,
    apa: asText(new Cite([work.item]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })),
  }));
}

/** The in-text citation of one or more works, "(Doe, 2020)", by citation-js. */
export function inTextCitation(items: readonly Readonly<Record<string, unknown>>[]): string {
  return formattedOnce('inTextCitation', items, () =>
    asText(new Cite([...items]).format('citation', { format: 'text', template: 'apa', lang: 'en-US' })),
  );
}

/** citation-js gives text for `format: 'text'`; anything else is a bug in how it was asked. */
function asText(formatted: string | object): string {
  if (typeof formatted !== 'string') throw new Error('internal: citation-js gave no text');
  return formatted.trim();
}
