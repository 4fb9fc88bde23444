import { z } from 'zod';
import { identifier, text } from './primitives.ts';

/** A chapter's front matter. A chapter about one dimension may take its title from the codebook. */
export const chapterFrontMatter = z
  .strictObject({
    title: text.optional(),
    /** Position in the contents; generated dimension chapters start at 60, appendices by convention at 100. */
    order: z.number(),
    description: text.optional(),
    dimension: identifier.optional(),
    /** The illustrative-data notice on this chapter's page: `full` where the data are explained (a methods chapter), else a one-line badge. */
    notice: z.enum(['full', 'badge']).optional(),
  })
  .refine((value) => value.title !== undefined || value.dimension !== undefined, {
    error: 'expected a title (or a dimension to take the title from)',
  });

export type ChapterFrontMatter = z.infer<typeof chapterFrontMatter>;
