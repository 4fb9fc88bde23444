import { relative, resolve } from 'node:path';
import { analyseStudy } from '../analyse/analyseStudy.ts';
import { planChapters } from '../chapters/planChapters.ts';
import { defaultChartIds, defaultCharts } from '../charts/defaultCharts.ts';
import { chartFileIds, loadChartDefinitions } from '../charts/loadChartDefinitions.ts';
import { checkCitableMetadata } from '../cite/checkCitable.ts';
import { measureRequests, tabulateCharts } from '../charts/tabulateCharts.ts';
import { loadStudy } from '../load/loadStudy.ts';
import type { GeneratedChapter } from '../model/chapterPlan.ts';
import type { SiteReport } from '../model/siteReport.ts';
import { addProblems, sortProblems, type Problem } from '../problems/problem.ts';
import { readArchive, type Archive } from '../releases/archive.ts';
import { releaseHistory } from '../releases/releaseHistory.ts';
import { csvSource } from '../sources/csv/csvSource.ts';
import type { StudySource } from '../model/studySource.ts';
import type { StudyOutline } from '../model/study.ts';
import type { Report } from '../model/report.ts';
import type { AnalysisCache } from './analysisCache.ts';
import { checkRelease, type ReleaseCheck } from './releaseGuards.ts';
import type { Progress } from '../timing/progress.ts';

export interface LoadedReport {
  readonly report: SiteReport;
  /** The study's releases, read and checked from the archive. */
  readonly archive: Archive;
  /** With `release`: a new release to make, or the same release made again (nothing to do). */
  readonly release?: ReleaseCheck;
  /** One-line notices for the build summary (an archive of another study, not published). */
  readonly notices: readonly string[];
  /** MDX of the chapters made from the codebook, to be written where Astro reads chapters. */
  readonly generated: readonly GeneratedChapter[];
  readonly timings: { readonly loadMs: number; readonly analyseMs: number };
  /** The study's analysis came from the analysis cache: its package had not changed. */
  readonly analysisReused: boolean;
}

export type ReportResult = ({ ok: true } & LoadedReport) | { ok: false; problems: readonly Problem[] };

/**
 * Load, validate and analyse a study package, tabulate its charts and plan its chapters:
 * the first half of every build. Every problem a user can cause, in the data, the metadata,
 * the chart definitions, the chapters or the references, comes back in one list: chart
 * definitions and chapters are checked against the study's outline even when its records
 * have problems. Only the report is returned, so the rows can be freed before rendering.
 */
export interface ReportOptions {
  /** The release archive; `releases` in the working directory unless given. */
  readonly archive?: string;
  /** Check and prepare the release named in study.yaml (`npm run release`). */
  readonly release?: boolean;
  /** Analyses of this package by earlier builds (build/analysisCache.ts); none when absent. */
  readonly analyses?: AnalysisCache;
  /** Told what is being done while a big study is read and analysed. */
  readonly progress?: Progress;
}

export function loadReport(dataDir: string, contentDir: string, cwd = process.cwd(), options: ReportOptions = {}): ReportResult {
  const started = performance.now();
  // A package byte for byte one an earlier build analysed: its records are not read again.
  // Each reading has a source of its own: a source fingerprints the files as it reads them.
  const reused = options.analyses ? reusedAnalysis(csvSource(dataDir, cwd), contentDir, options.analyses) : undefined;
  const loaded = reused ? undefined : loadStudy(csvSource(dataDir, cwd, options.progress));
  const outline = reused?.outline ?? (loaded?.ok ? loaded.study : loaded?.outline);
  if (!outline) return { ok: false, problems: loaded && !loaded.ok ? loaded.problems : [] };
  // study.yaml's own problems first, as it is read first.
  const problems: Problem[] = [];
  checkCitableMetadata(outline, problems);
  if (loaded && !loaded.ok) addProblems(problems, loaded.problems);
  const declared = loadChartDefinitions(contentDir, outline, problems);
  if ((loaded && !loaded.ok) || problems.length > 0) {
    // No report to render: check the chapters against what the outline and definitions promise.
    const chartIds = [...new Set([...chartFileIds(contentDir), ...defaultChartIds(outline, declared)])];
    planChapters(contentDir, { outline, chartIds }, problems);
    return { ok: false, problems: sortProblems(problems) };
  }
  const analysed = performance.now();
  const requests = measureRequests(declared);
  let report: Report;
  if (reused) report = reused.report;
  else if (loaded?.ok) {
    options.progress?.('Analysing the study');
    report = analyseStudy(loaded.study, requests);
    options.analyses?.keep(requests, report);
  } else throw new Error('internal: a study without problems was not loaded');
  const charts = tabulateCharts([...declared, ...defaultCharts(report, declared)], report);
  const planned = planChapters(contentDir, { outline, chartIds: charts.map((chart) => chart.id), report: { ...report, charts } }, problems);
  const { generated, ...chapters } = planned;
  const beforeReleases = { ...report, charts, ...chapters };

  // Releases of this study only: a study put in place of another never publishes its archive.
  const archiveDir = resolve(cwd, options.archive ?? 'releases');
  const archive = readArchive(archiveDir, problems, cwd);
  const ours = archive.releases.filter((release) => release.study === report.study.id);
  const others = archive.releases.filter((release) => release.study !== report.study.id);
  const notices =
    others.length === 0
      ? []
      : [
          `${relative(cwd, archiveDir) || '.'}/: ${others.length} release(s) of ${[...new Set(others.map((release) => `study "${release.study}"`))].join(', ')} not published with study "${report.study.id}"`,
        ];
  const release = options.release ? checkRelease(beforeReleases, ours, outline.locate(['version']), problems) : undefined;
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const releasing = release?.kind === 'new' ? { version: report.study.version, date: report.study.date } : undefined;
  return {
    ok: true,
    report: { ...beforeReleases, releases: releaseHistory({ ...archive, releases: ours }, ours, beforeReleases, releasing) },
    archive: { ...archive, releases: ours },
    ...(release ? { release } : {}),
    notices,
    generated,
    timings: { loadMs: analysed - started, analyseMs: performance.now() - analysed },
    analysisReused: reused !== undefined,
  };
}

/**
 * The outline and the kept analysis of a package analysed by an earlier build, read without
 * its records; undefined when there is none for it, or when its outline or the chart
 * definitions have a problem (the full path then reports every problem, in order).
 */
function reusedAnalysis(
  source: StudySource,
  contentDir: string,
  analyses: AnalysisCache,
): { outline: StudyOutline; report: Report } | undefined {
  const problems: Problem[] = [];
  const outline = source.readOutline(problems);
  if (!outline || problems.length > 0) return undefined;
  const declared = loadChartDefinitions(contentDir, outline, problems);
  if (problems.length > 0) return undefined;
  const report = analyses.find(measureRequests(declared));
  return report && { outline, report };
}
