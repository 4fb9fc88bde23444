import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// The build checks chapters' front matter, components and citations before Astro runs
// (src/chapters/planChapters.ts); these schemas only type what the pages read.
const frontMatter = z.object({
  title: z.string().optional(),
  order: z.number(),
  description: z.string().optional(),
  dimension: z.string().optional(),
});

/** Authored chapters: MDX in the study's content folder (QUALPRESS_CONTENT, default ./content). */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${process.env.QUALPRESS_CONTENT || './content'}/chapters` }),
  schema: frontMatter,
});

/** Chapters generated from the codebook, written by the qualpress integration before this loads. */
const generatedChapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.QUALPRESS_GENERATED || './.qualpress/generated/none' }),
  schema: frontMatter,
});

export const collections = { chapters, generatedChapters };
