import type { ReleaseHistory } from './releases.ts';
import type { Report } from './report.ts';
import type { ChartReport } from './chartReport.ts';
import type { ChapterPlan, Figure } from './chapterPlan.ts';

/** What the site is rendered from: the analysed study, its charts, and the planned chapters. */
export interface SiteReport extends Report {
  readonly charts: readonly ChartReport[];
  /** Every chapter, authored and generated, in reading order. */
  readonly chapters: readonly ChapterPlan[];
  /** Chart id -> its figure number and the chapter that places it first. */
  readonly figures: Readonly<Record<string, Figure>>;
  /**
   * Works cited anywhere in the chapters. They are formatted when pages render, where
   * citation-js's style engine is already loaded for the chart citations.
   */
  readonly references: readonly CitedWork[];
  /** Every release of the study, and where each chart of this build stands against them. */
  readonly releases: ReleaseHistory;
}

/** A work cited in the chapters: its key and its CSL-JSON item, formatted when pages render. */
export interface CitedWork {
  readonly key: string;
  readonly item: Readonly<Record<string, unknown>>;
}
