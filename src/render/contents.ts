import type { ChapterPlan } from '../model/chapterPlan.ts';

export interface ContentsPart {
  readonly title: string;
  readonly chapters: readonly ChapterPlan[];
}

/**
 * The report's contents in parts, by each chapter's `order`: below 60 the report itself,
 * 60 to 99 the chapters per dimension (generated ones start at 60), 100 and up appendices.
 */
export function contentsParts(chapters: readonly ChapterPlan[]): ContentsPart[] {
  const parts = [
    { title: 'Report', chapters: chapters.filter((chapter) => chapter.order < 60) },
    { title: 'Results by dimension', chapters: chapters.filter((chapter) => chapter.order >= 60 && chapter.order < 100) },
    { title: 'Appendices', chapters: chapters.filter((chapter) => chapter.order >= 100) },
  ];
  return parts.filter((part) => part.chapters.length > 0);
}
