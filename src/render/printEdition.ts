import type { ChapterPlan } from '../model/chapterPlan.ts';
import { contentsParts } from './contents.ts';

/** A chapter as the print edition numbers it, with the id of its section on /print/. */
export interface PrintChapter {
  readonly plan: ChapterPlan;
  /** "1", "2", … for the report's chapters; "A", "B", … for its appendices. */
  readonly label: string;
  /** The id of the chapter's <section> on the print page; its own ids are prefixed with it. */
  readonly sectionId: string;
}

export interface PrintPart {
  readonly title: string;
  readonly chapters: readonly PrintChapter[];
}

/** The id of a chapter's section on the print page, and the prefix of every id inside it. */
export const printSectionId = (chapterId: string): string => `chapter-${chapterId}`;

/**
 * The print edition's contents: the parts of the report's contents (src/render/contents.ts),
 * in the same order, with the report's chapters numbered from 1 through every part and the
 * appendices lettered A, B, … (their part is the one made of chapters of order 100 and up).
 */
export function printParts(chapters: readonly ChapterPlan[]): PrintPart[] {
  let number = 0;
  let letter = 0;
  return contentsParts(chapters).map((part) => ({
    title: part.title,
    chapters: part.chapters.map((plan) => ({
      plan,
      label: plan.order >= 100 ? appendixLetter(letter++) : String(++number),
      sectionId: printSectionId(plan.id),
    })),
  }));
}

/** A, B, … Z, AA, AB, …: bijective base 26, so a 27th appendix is still labelled. */
export function appendixLetter(index: number): string {
  let label = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) label = String.fromCharCode(65 + ((rest - 1) % 26)) + label;
  return label;
}
