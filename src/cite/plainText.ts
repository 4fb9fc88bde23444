// Line breaks are structure in RIS (one tag per line) and in the HTML `<meta>` and JSON-LD
// consumers of these strings, and citation-js writes RIS values verbatim: a title containing
// "\nTY  - JOUR" would start a second record. So every string of a work is reduced to one
// line here, before any format sees it. Runs of whitespace (including the two spaces of an
// RIS tag separator) and control characters become one space, which also means no RIS line
// that citation-js wraps can ever begin with something shaped like a tag. Unicode's White_Space
// rather than JavaScript's \s, which also counts U+FEFF: a zero-width no-break space inside a
// word is not a gap between words, and must not become one.
// The schemas refuse a title or name that this would reduce to nothing (src/schemas/primitives.ts).
import { whitespaceOrControl as WHITESPACE_OR_CONTROL } from '../schemas/primitives.ts';

/** A work's free-text value as a single trimmed line. */
export function plainText(value: string): string {
  return value.replace(WHITESPACE_OR_CONTROL, ' ').trim();
}

/** Like {@link plainText}, but `undefined` for a missing or blank value. */
export function optionalPlainText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = plainText(value);
  return text === '' ? undefined : text;
}
