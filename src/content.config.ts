import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Authored chapters: MDX files in content/chapters, ordered by `order` then file name. */
const chapters = defineCollection({
  // The build CLI points QUALPRESS_CONTENT at the study's content folder (default ./content).
  loader: glob({ pattern: '**/*.mdx', base: `${process.env.QUALPRESS_CONTENT || './content'}/chapters` }),
  schema: z.strictObject({
    title: z.string().min(1),
    /** Position in the report's contents. */
    order: z.number(),
    description: z.string().optional(),
  }),
});

export const collections = { chapters };
