import { analyseStudy } from '../analyse/analyseStudy.ts';
import type { Report } from '../analyse/report.ts';
import { loadStudy } from '../load/loadStudy.ts';
import type { Problem } from '../load/problems.ts';

export type ReportResult =
  | { ok: true; report: Report; timings: { loadMs: number; analyseMs: number } }
  | { ok: false; problems: readonly Problem[] };

/**
 * Load, validate and analyse a study package: the first half of every build. Only the
 * report is returned, so the rows can be freed before the site is rendered.
 */
export function loadReport(dataDir: string, cwd = process.cwd()): ReportResult {
  const started = performance.now();
  const loaded = loadStudy(dataDir, cwd);
  if (!loaded.ok) return loaded;
  const analysed = performance.now();
  const report = analyseStudy(loaded.study);
  return { ok: true, report, timings: { loadMs: analysed - started, analyseMs: performance.now() - analysed } };
}
