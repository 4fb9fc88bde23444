// Repeats a case's cold build and reduces the runs to one row of the table.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PreparedCase } from './cases.ts';
import { runColdBuild, type BuildRun } from './run-build.ts';

const MB = 1024 * 1024;

/** One case's result, in the units the table shows (seconds, MB). */
export interface CaseResult {
  readonly name: string;
  readonly units: number;
  readonly participants: number;
  readonly runs: number;
  /** Median over the runs of the wall time seen from outside the child. */
  readonly wallS: number;
  /** Every run's outer wall time, in run order, to show the spread behind the median. */
  readonly runWallsS: readonly number[];
  /** Median of the CLI's own wall time (without Node startup). */
  readonly buildWallS: number;
  readonly readValidateS: number;
  readonly analyseS: number;
  /** Median of DuckDB loading the same CSV files and computing the same counts (scripts/bench/duckdb-anchor.ts). */
  readonly duckdbS: number;
  readonly renderChartsS: number;
  readonly writePagesS: number;
  readonly peakRssMB: number;
  readonly distMB: number;
  readonly pages: number;
  readonly charts: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Each figure is the median of that figure over the runs (with one run, just that run),
 * so a single slow run — a disk flush, a GC at a bad moment — does not skew any column.
 */
function summarise(prepared: PreparedCase, runs: readonly BuildRun[], duckdbMs: readonly number[]): CaseResult {
  const med = (pick: (run: BuildRun) => number) => median(runs.map(pick));
  const seconds = (pick: (run: BuildRun) => number) => round(med(pick) / 1000, 3);
  return {
    name: prepared.name,
    units: prepared.units,
    participants: prepared.participants,
    runs: runs.length,
    wallS: seconds((run) => run.outerWallMs),
    runWallsS: runs.map((run) => round(run.outerWallMs / 1000, 3)),
    buildWallS: seconds((run) => run.wallMs),
    readValidateS: seconds((run) => run.readValidateMs),
    analyseS: seconds((run) => run.analyseMs),
    duckdbS: round(median(duckdbMs) / 1000, 3),
    renderChartsS: seconds((run) => run.renderChartsMs),
    writePagesS: seconds((run) => run.writePagesMs),
    peakRssMB: round(med((run) => run.peakRssBytes) / MB, 1),
    distMB: round(med((run) => run.distBytes) / MB, 3),
    pages: med((run) => run.pages),
    charts: med((run) => run.charts),
  };
}

/** DuckDB's time for the case's data, measured inside its own process (no Node start-up, no build beside it). */
export function runDuckdbAnchor(repoRoot: string, dataDir: string): number {
  const child = spawnSync(process.execPath, [join(repoRoot, 'scripts/bench/duckdb-anchor.ts'), dataDir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (child.error || child.status !== 0)
    throw new Error(`the DuckDB anchor failed on ${dataDir}: ${child.error?.message ?? child.stderr.trim()}`);
  const { ms } = JSON.parse(child.stdout) as { ms: number };
  return ms;
}

/** Each run is a cold build followed by the DuckDB anchor on the same files, so both see the same machine state. */
export function measureCase(prepared: PreparedCase, repoRoot: string, tempRoot: string, runs: number): CaseResult {
  const workDir = join(tempRoot, `build-${prepared.name}`);
  mkdirSync(workDir, { recursive: true });
  const results: BuildRun[] = [];
  const duckdbMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    results.push(runColdBuild(repoRoot, prepared.dataDir, workDir));
    duckdbMs.push(runDuckdbAnchor(repoRoot, prepared.dataDir));
  }
  return summarise(prepared, results, duckdbMs);
}
