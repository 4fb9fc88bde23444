import { citeOf } from '../citationJs.ts';
import type { CslItem, CslName } from '../cslItem.ts';

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
    if (typeof value === 'string') (safe as unknown as Record<string, unknown>)[key] = withoutRichText(value);
  }
  if (safe.author) safe.author = safe.author.map(bibtexName);
  return safe;
}

/** The item as a BibTeX record (`cite.bib`), written by @citation-js/plugin-bibtex. */
export function bibtex(item: CslItem): string {
  return `${(citeOf([bibtexSafeItem(item)]).format('bibtex') as string).trim()}\n`;
}
