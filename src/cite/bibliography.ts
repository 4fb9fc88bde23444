import { APA_TEMPLATE, Cite } from './citationJs.ts';
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

type CslItem = Readonly<Record<string, unknown>>;

/** How one work is cited: `suppressAuthor` for `[-@key]`, "(2020)". */
export interface CitationOptions {
  readonly suppressAuthor?: boolean;
}

/**
 * The parenthetical in-text citation of one or more works, "(Doe, 2020)", by citation-js;
 * a work whose options (by position) suppress the author shows its year alone: "(2020)".
 */
export function inTextCitation(items: readonly CslItem[], options: readonly (CitationOptions | undefined)[] = []): string {
  const suppressed = items.map((_, index) => options[index]?.suppressAuthor === true);
  return formattedOnce('inTextCitation', { items, suppressed }, () => {
    // The ids citation-js gave the items (it makes one for an item without).
    const cite = new Cite([...items]);
    const citationItems = cite.data.map((item, index) => ({ id: item.id, ...(suppressed[index] ? { 'suppress-author': true } : {}) }));
    return asText(
      cite.format('citation', {
        format: 'text',
        template: APA_TEMPLATE,
        lang: 'en-US',
        entry: { citationItems, properties: { noteIndex: 0 } },
      }),
    );
  });
}

/**
 * The narrative citation of a work, "Doe (2020)", "Braun and Clarke (2006)", "Alpha et al.
 * (2020)", by citeproc-js's composite mode: the author as APA writes it in running text, then
 * the year as in a citation with the author suppressed.
 */
export function narrativeCitation(item: CslItem): string {
  return formattedOnce('narrativeCitation', item, () => {
    const cite = new Cite([item]);
    const citationItems = cite.data.map((entry) => ({ id: entry.id }));
    return asText(
      cite.format('citation', {
        format: 'text',
        template: APA_TEMPLATE,
        lang: 'en-US',
        entry: { citationItems, properties: { noteIndex: 0, mode: 'composite' } },
      }),
    );
  });
}

/** citation-js gives text for `format: 'text'`; anything else is a bug in how it was asked. */
function asText(formatted: string | object): string {
  if (typeof formatted !== 'string') throw new Error('internal: citation-js gave no text');
  return formatted.trim();
}
