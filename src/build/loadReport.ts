import { analyseStudy } from '../analyse/analyseStudy.ts';
import type { Report } from '../analyse/report.ts';
import { loadStudy } from '../load/loadStudy.ts';
import type { Problem } from '../load/problems.ts';
import type { Study } from '../model/types.ts';

export type ReportResult =
  | { ok: true; study: Study; report: Report; timings: { loadMs: number; analyseMs: number } }
  | { ok: false; problems: readonly Problem[] };

/** Load, validate and analyse a study package: the first half of every build. */
export function loadReport(dataDir: string, cwd = process.cwd()): ReportResult {
  const started = performance.now();
  const loaded = loadStudy(dataDir, cwd);
  if (!loaded.ok) return loaded;
  const analysed = performance.now();
  const report = analyseStudy(loaded.study);
  return { ok: true, study: loaded.study, report, timings: { loadMs: analysed - started, analyseMs: performance.now() - analysed } };
}
