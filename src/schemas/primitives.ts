import { z } from 'zod';

/** Identifiers become URL slugs and CSS-safe keys, so they are kept to a small alphabet. */
export const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, { error: 'expected an identifier of lower-case letters, digits, "_" or "-", starting with a letter' });

/** A calendar date written as ISO 8601 (YYYY-MM-DD); `z.iso.date` also rejects 2014-02-30. */
export const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });

/** A CSV column name as written in the header row. */
export const columnName = z.string().min(1, { error: 'expected a column name' });

/** `[singular, plural]`, used in sentences such as "1 post" and "1,250 posts". */
export const nounPair = z.tuple([z.string().min(1), z.string().min(1)], { error: 'expected [singular, plural], e.g. [post, posts]' });

/**
 * Spaces, line breaks and control characters: what citation formats reduce to one space or
 * trim away (src/cite/plainText.ts). Global, so use it with `replace`, never `test`.
 */
export const whitespaceOrControl = /[\p{White_Space}\p{Cc}]+/gu;

/**
 * Text a reader sees and a citation carries (a title, a name): at least one character that
 * is not a space or a control character, since a blank title or name cannot be cited.
 */
export const text = z.string().refine((value) => value.replace(whitespaceOrControl, '') !== '', { error: 'expected a non-empty text' });

/**
 * A language tag (BCP 47) such as `en`, `en-GB` or `de-CH`: numbers and dates are written in
 * it, and `en_US` or `english` would make the page formatting fail.
 */
export const languageTag = z.string().refine(
  (value) => {
    if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) return false;
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'expected a language tag such as en, en-GB or de' },
);
