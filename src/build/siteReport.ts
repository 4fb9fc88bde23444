import type { Report } from '../analyse/report.ts';
import type { ChartReport } from '../charts/chartReport.ts';
import type { ChapterPlan, Figure } from '../chapters/chapterPlan.ts';
import type { Reference } from '../cite/bibliography.ts';

/** What the site is rendered from: the analysed study, its charts, and the planned chapters. */
export interface SiteReport extends Report {
  readonly charts: readonly ChartReport[];
  /** Every chapter, authored and generated, in reading order. */
  readonly chapters: readonly ChapterPlan[];
  /** Chart id -> its figure number and the chapter that places it first. */
  readonly figures: Readonly<Record<string, Figure>>;
  /** Works cited anywhere in the chapters, in APA reference-list order. */
  readonly references: readonly Reference[];
  /** "cho2016;doe2020" -> "(Cho, 2016; Doe, 2020)", for every citation written in a chapter. */
  readonly citationTexts: Readonly<Record<string, string>>;
}
