/**
 * Pandoc-style citations in chapter prose, read the same way by the check at load time
 * (scanMdx.ts) and by the remark plugin that renders them (remarkCitations.ts):
 *
 * - `[@doe2020]`, `[@doe2020; @roe2021]`: parenthetical, "(Doe, 2020; Roe, 2021)";
 * - `[-@doe2020]`: the author suppressed, "(2020)", for a sentence that already names her;
 * - `@doe2020`: narrative, "Doe (2020)", when the key is in the bibliography (else the text
 *   stays as written: an `@handle` is no citation).
 */

// Pandoc's citation key: a letter, digit or _ first, then letters, digits, _ and punctuation
// that is internal (followed by a letter, digit or _), so "@doe2020." ends the key before the full stop.
const word = String.raw`[\p{L}\p{N}_]`;
const key = String.raw`${word}(?:${word}|[:.#$%&+?<>~/\-](?=${word}))*`;

const bracketedPattern = new RegExp(String.raw`\[(-?@${key}(?:\s*;\s*-?@${key})*)\]`, 'gu');
// A bare @ counts only at the start or after a character that is not part of a word, so an
// e-mail address (a@b.org) is never read as a citation.
const narrativePattern = new RegExp(String.raw`(?<!${word})@(${key})`, 'gu');
// An @ inside an address on the web (https://example.org/@doe) is part of the address.
const inAddress = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*$/i;

/** One work in a citation; `suppressAuthor` for `-@key`, which shows the year alone. */
export interface CitedKey {
  readonly key: string;
  readonly suppressAuthor: boolean;
}

/** A citation found in prose, with its place in the text it was found in. */
export type CitationMatch =
  | { readonly form: 'parenthetical'; readonly items: readonly CitedKey[]; readonly index: number; readonly length: number }
  | { readonly form: 'narrative'; readonly key: string; readonly index: number; readonly length: number };

/**
 * The citations in one piece of prose text, in order. `escaped` holds the indices of the @
 * characters written `\@` (or as a character reference), which Pandoc and qualpress leave as text.
 */
export function findCitations(text: string, escaped: ReadonlySet<number> = new Set()): CitationMatch[] {
  const found: CitationMatch[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(bracketedPattern)) {
    const items = citedKeys(match[1]!);
    const ats = [...match[0].matchAll(/@/g)].map((at) => match.index + at.index);
    if (ats.some((at) => escaped.has(at))) continue;
    found.push({ form: 'parenthetical', items, index: match.index, length: match[0].length });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(narrativePattern)) {
    if (escaped.has(match.index) || taken.some(([start, end]) => match.index >= start && match.index < end)) continue;
    if (inAddress.test(text.slice(0, match.index))) continue;
    found.push({ form: 'narrative', key: match[1]!, index: match.index, length: match[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The keys of a bracketed citation's inside, "@a; -@b". */
function citedKeys(inside: string): CitedKey[] {
  return inside.split(';').map((part) => {
    const written = part.trim();
    return { key: written.replace(/^-?@/, ''), suppressAuthor: written.startsWith('-') };
  });
}

/**
 * The indices in a text node's `value` of each @ its source wrote escaped: `\@`, or a
 * character reference (`&#64;`, `&#x40;`, `&commat;`). The parser has already turned these
 * into a plain @, so the source (the node's slice of the file) tells them apart. When the
 * two cannot be matched @ for @, no @ is taken as escaped.
 */
export function escapedAts(value: string, source: string | undefined): Set<number> {
  const escaped = new Set<number>();
  if (source === undefined || (!source.includes('@') && !source.includes('&'))) return escaped;
  const written: boolean[] = [];
  const reference = /^&(?:#0*64|#[xX]0*40|commat);/;
  for (let at = 0; at < source.length; at++) {
    const char = source[at]!;
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(source[at + 1] ?? '')) {
      if (source[at + 1] === '@') written.push(true);
      at++;
    } else if (char === '&' && reference.test(source.slice(at))) {
      written.push(true);
      at += reference.exec(source.slice(at))![0].length - 1;
    } else if (char === '@') written.push(false);
  }
  const ats = [...value.matchAll(/@/g)].map((at) => at.index);
  if (ats.length !== written.length) return escaped;
  ats.forEach((index, nth) => {
    if (written[nth]) escaped.add(index);
  });
  return escaped;
}

/**
 * The works of a `<Cite keys="...">` component, separated by semicolons (as the remark plugin
 * writes them), commas or spaces; `-key` suppresses the author as `[-@key]` does. One reading
 * for the check at load time and for the page.
 */
export function citeComponentItems(value: string): CitedKey[] {
  return value
    .split(/[;,\s]+/)
    .filter(Boolean)
    .map((written) => ({ key: written.replace(/^-/, ''), suppressAuthor: written.startsWith('-') }));
}

/** The keys alone of a `<Cite keys="...">` component. */
export function citeComponentKeys(value: string): string[] {
  return citeComponentItems(value).map((item) => item.key);
}

/** How the remark plugin writes a bracketed citation's works back as `<Cite keys="...">`. */
export function citeComponentValue(items: readonly CitedKey[]): string {
  return items.map((item) => `${item.suppressAuthor ? '-' : ''}${item.key}`).join(';');
}
