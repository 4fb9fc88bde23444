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
