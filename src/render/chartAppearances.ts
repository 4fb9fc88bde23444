import { isolate } from './sentence.ts';
import type { Site } from './site.ts';

export interface Appearance {
  /** The chapter's title (from its front matter or the codebook), isolated: it follows "Figure 3, ". */
  readonly title: string;
  readonly href: string;
  /** "Figure 3" where this placement is the chart's numbered figure. */
  readonly figure?: string;
}

/** Where a chart is placed in the report: every chapter that places it, the numbered figure first. */
export function chartAppearances(site: Site, chartId: string): Appearance[] {
  const figure = site.report.figures[chartId];
  return site.report.chapters
    .filter((chapter) => chapter.charts.includes(chartId))
    .map((chapter) => ({
      title: isolate(chapter.title),
      href: site.path(`chapters/${chapter.id}/#figure-${chartId}`),
      ...(figure?.chapter === chapter.id ? { figure: `Figure ${figure.number}` } : {}),
    }));
}
