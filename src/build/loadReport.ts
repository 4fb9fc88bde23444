import { analyseStudy } from '../analyse/analyseStudy.ts';
import { defaultCharts } from '../charts/defaultCharts.ts';
import { tabulateCharts } from '../charts/tabulateCharts.ts';
import { loadChartDefinitions } from '../load/loadChartDefinitions.ts';
import { loadStudy } from '../load/loadStudy.ts';
import { sortProblems, type Problem } from '../load/problems.ts';
import type { SiteReport } from './siteReport.ts';

export type ReportResult =
  | { ok: true; report: SiteReport; timings: { loadMs: number; analyseMs: number } }
  | { ok: false; problems: readonly Problem[] };

/**
 * Load, validate and analyse a study package and tabulate its charts: the first half of
 * every build. Only the report is returned, so the rows can be freed before rendering.
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
  return { ok: true, report: { ...report, charts }, timings: { loadMs: analysed - started, analyseMs: performance.now() - analysed } };
}
