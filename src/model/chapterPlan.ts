/** A chapter of the report as planned at build time, before Astro renders it. */
export interface ChapterPlan {
  /** The URL slug: /chapters/<id>/ (the MDX file name without .mdx). */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly order: number;
  /** Made from the codebook because no authored chapter covers this dimension. */
  readonly generated: boolean;
  /** The dimension a generated (or dimension-named) chapter presents. */
  readonly dimension?: string;
  /** How the page shows the illustrative-data notice (when the study's data are illustrative); a badge unless `full`. */
  readonly notice?: 'full' | 'badge';
  /** Chart ids placed in this chapter, in reading order. */
  readonly charts: readonly string[];
  /** Citation keys cited in this chapter, in order of first citation. */
  readonly citations: readonly string[];
}

export interface Figure {
  readonly number: number;
  readonly chapter: string;
}

/** A generated chapter's MDX, to be written where the content collection reads it. */
export interface GeneratedChapter {
  readonly id: string;
  readonly mdx: string;
}
