import { plugins } from '@citation-js/core';
import { citeOf } from '../citationJs.ts';
import type { CslItem, CslName } from '../cslItem.ts';
import { bibtexText, fixedBibtexRecord, type BibtexObject } from './citationJsFixes.ts';

// @citation-js/plugin-bibtex escapes LaTeX specials in titles, literal fields and in person
// names, but leaves two holes that data can use to break out of a field:
//
// 1. Rich text. It turns CSL rich-text tags (<i>, <b>, <sc>, <sup>, <sub>, <span …>) into
//    `\textit{` … `}`, closing a brace only for a matching closing tag, so an unbalanced
//    "<b>" in a title leaves a `{` open and swallows the rest of the record. The tags are
//    removed from every string before formatting (using citation-js's own tag pattern).
// 2. Names without a given name (organisations, `literal`) are written inside braces
//    verbatim, unescaped. Braces and backslashes in them are replaced by parentheses and a
//    slash, so they can neither close the field nor start a LaTeX command. Other LaTeX
//    specials (& % # _ $ ^ ~) in such names are still passed through by citation-js: they do
//    not change the record's structure but may need escaping by hand for LaTeX.
//
// URLs (written verbatim too) are safe already: `httpUrl` percent-encodes braces and
// backslashes. These replacements apply to the BibTeX file only; other formats are unaffected.
//
// 3. Characters it has no LaTeX command for. In its default ASCII-only mode it writes every
//    character as ASCII or a LaTeX command and silently drops the others: Hebrew, Arabic,
//    Cyrillic, CJK, emoji, zero-width and bidi characters vanish from a title. Those are
//    swapped for ASCII placeholders before formatting and written back as UTF-8 afterwards,
//    which BibLaTeX/Biber and every current reference manager read.
const CITATION_JS_RICH_TEXT_TAG = /<(?:\/?(?:i|b|sc|sup|sub|span)|span .*?)>/g;

function withoutRichText(value: string): string {
  return value.replace(CITATION_JS_RICH_TEXT_TAG, '').replace(/ {2,}/g, ' ').trim();
}

function verbatimSafe(value: string): string {
  return value.replace(/\{/g, '(').replace(/\}/g, ')').replace(/\\/g, '/');
}

function bibtexName(name: CslName): CslName {
  if (name.literal !== undefined) return { literal: verbatimSafe(name.literal) };
  if (name.given === undefined && name.family !== undefined) return { family: verbatimSafe(name.family) };
  return name;
}

/** The CSL item as handed to plugin-bibtex: see the notes above. */
export function bibtexSafeItem(item: CslItem): CslItem {
  const safe = structuredClone(item);
  for (const key of Object.keys(safe) as (keyof CslItem)[]) {
    const value = safe[key];
    // eslint-disable-next-line no-restricted-syntax -- CSL item type: a string field written back by its key, which TypeScript cannot index.
    if (typeof value === 'string') (safe as unknown as Record<string, unknown>)[key] = withoutRichText(value);
  }
  if (safe.author) safe.author = safe.author.map(bibtexName);
  return safe;
}

// What plugin-bibtex can write: its characters with a LaTeX command, and those it leaves as
// they are (ASCII letters, digits and punctuation, whitespace, the accents it combines).
interface BibtexConstants {
  commands: Record<string, string>;
  diacritics: Record<string, string>;
  ligatures: Record<string, string>;
  mathCommands: Record<string, string>;
}
// eslint-disable-next-line no-restricted-syntax -- @citation-js/core types: config.get returns the plugin's config untyped.
const constants = (plugins.config.get('@bibtex') as unknown as { constants: BibtexConstants }).constants;
const writable = new Set(
  [constants.commands, constants.diacritics, constants.ligatures, constants.mathCommands].flatMap((map) => Object.values(map)),
);
const keptAsIs = /^[\x20-\x7e\s\u0300-\u0308\u030a-\u030c\u0332\u0323\u0327\u0328\u0361\u0326]$/;
const canWrite = (cluster: string) =>
  [...cluster.normalize('NFKD')].every((character) => keptAsIs.test(character) || writable.has(character));

/** Each character (with its combining marks) that plugin-bibtex would drop, swapped for a placeholder of ASCII letters and digits. */
function withPlaceholders(item: CslItem): { item: CslItem; restore: (bibtex: string) => string } {
  const text = JSON.stringify(item);
  let marker = 'qpchar';
  while (text.includes(marker)) marker += 'x';
  const originals: string[] = [];
  const protect = (value: string) =>
    value.replace(/\P{M}\p{M}*|\p{M}+/gu, (cluster) => {
      if (canWrite(cluster)) return cluster;
      originals.push(cluster);
      return `${marker}${originals.length - 1}${marker}`;
    });
  const protectAll = (value: unknown): unknown =>
    typeof value === 'string'
      ? protect(value)
      : Array.isArray(value)
        ? value.map(protectAll)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, protectAll(entry)]))
          : value;
  const placeholder = new RegExp(`${marker}(\\d+)${marker}`, 'g');
  return {
    item: protectAll(item) as CslItem,
    restore: (bibtex) => bibtex.replace(placeholder, (_match, index: string) => originals[Number(index)] ?? ''),
  };
}

/**
 * The item as a BibTeX record (`cite.bib`): the fields and LaTeX escapes of
 * @citation-js/plugin-bibtex, with what it drops or mangles put right (see citationJsFixes.ts).
 */
export function bibtex(item: CslItem): string {
  const { item: protectedItem, restore } = withPlaceholders(bibtexSafeItem(item));
  const cite = citeOf([protectedItem]);
  // @citation-js/core types: format() is string | object; `format: 'object'` gives plugin-bibtex's entries.
  const [entry] = cite.format('bibtex', { format: 'object' }) as BibtexObject[];
  const [biblatexEntry] = cite.format('biblatex', { format: 'object' }) as BibtexObject[];
  if (entry === undefined || biblatexEntry === undefined) throw new Error('internal: citation-js wrote no BibTeX entry');
  return restore(bibtexText(fixedBibtexRecord(entry, biblatexEntry, item)));
}
