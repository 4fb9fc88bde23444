import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// The build checks chapters' front matter, components and citations before Astro runs
// (src/chapters/planChapters.ts), and pages read the chapter plan it makes, never an
// entry's data. So nothing is checked here a second time: Astro's YAML reader makes a
// Date of `title: 2024-01-01`, which the check reads as the text written, and a type
// check here would fail the build on it with no line.
const frontMatter = z.looseObject({});

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
