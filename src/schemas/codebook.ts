import { z } from 'zod';
import { columnName, identifier, text } from './primitives.ts';

export const code = z.strictObject({
  id: identifier,
  label: text,
  definition: z.string().min(1).optional(),
  example: z.string().min(1).optional(),
  /** Id of a code defined earlier in the same dimension; the parent's counts include its children. */
  parent: identifier.optional(),
});

export const dimension = z.strictObject({
  id: identifier,
  /** Also the title of the dimension's default chart, which is cited: never blank. */
  label: text,
  dataset: identifier,
  column: columnName,
  description: z.string().min(1).optional(),
  /** Several codes in one cell, separated by ";". */
  multiple: z.boolean().default(false),
  /** What a count means: coded units, or distinct participants with at least one such unit. */
  count: z.enum(['units', 'participants']).default('units'),
  codes: z.array(code).min(1, { error: 'expected at least one code' }),
});

export const codebook = z.strictObject({
  dimensions: z.array(dimension).min(1, { error: 'expected at least one dimension' }),
});

export type CodebookConfig = z.infer<typeof codebook>;
export type DimensionConfig = z.infer<typeof dimension>;
export type CodeConfig = z.infer<typeof code>;
