import { analyseStudy } from '../analyse/analyseStudy.ts';
import type { GeneratedChapter } from '../model/chapterPlan.ts';
import { planChapters } from '../chapters/planChapters.ts';
import { defaultCharts } from '../charts/defaultCharts.ts';
import { tabulateCharts } from '../charts/tabulateCharts.ts';
import { loadChartDefinitions } from '../load/loadChartDefinitions.ts';
import { loadStudy } from '../load/loadStudy.ts';
import { sortProblems, type Problem } from '../problems/problem.ts';
import type { SiteReport } from '../model/siteReport.ts';

export interface LoadedReport {
  readonly report: SiteReport;
  /** MDX of the chapters made from the codebook, to be written where Astro reads chapters. */
  readonly generated: readonly GeneratedChapter[];
  readonly timings: { readonly loadMs: number; readonly analyseMs: number };
}

export type ReportResult = ({ ok: true } & LoadedReport) | { ok: false; problems: readonly Problem[] };

/**
 * Load, validate and analyse a study package, tabulate its charts and plan its chapters:
 * the first half of every build. Only the report is returned, so the rows can be freed
 * before rendering.
 */
export function loadReport(dataDir: string, contentDir: string, cwd = process.cwd()): ReportResult {
  const started = performance.now();
  const loaded = loadStudy(dataDir, cwd);
  if (!loaded.ok) return loaded;
  const problems: Problem[] = [];
  const declared = loadChartDefinitions(contentDir, loaded.study, problems);
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const analysed = performance.now();
  const report = analyseStudy(loaded.study);
  const charts = tabulateCharts([...declared, ...defaultCharts(report, declared)], loaded.study, report);
  const planned = planChapters(contentDir, { ...report, charts }, problems);
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const { generated, ...chapters } = planned;
  return {
    ok: true,
    report: { ...report, charts, ...chapters },
    generated,
    timings: { loadMs: analysed - started, analyseMs: performance.now() - analysed },
  };
}
