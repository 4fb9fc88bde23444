// The performance targets, checked against whichever cases were run.
import type { ImportResult } from './import.ts';
import type { CaseResult } from './measure.ts';
import type { RebuildResult } from './rebuilds.ts';

export interface TargetResult {
  readonly target: string;
  readonly status: 'PASS' | 'FAIL' | 'not run';
  /** The measured figure, e.g. "4.1 s"; null when its cases were not run. */
  readonly value: string | null;
}

interface Target {
  readonly target: string;
  /** The figure and whether it meets the target, or undefined when a needed case is missing. */
  readonly check: (byName: ReadonlyMap<string, CaseResult>) => { value: string; pass: boolean } | undefined;
}

const readAndAnalyseS = (result: CaseResult) => result.readValidateS + result.analyseS;
const MB_PER_GB = 1024;

const TARGETS: readonly Target[] = [
  {
    target: 'default cold build < 6 s wall',
    check: (byName) => {
      const result = byName.get('default');
      return result && { value: `${result.wallS.toFixed(2)} s`, pass: result.wallS < 6 };
    },
  },
  {
    target: '1M build < 30 s wall',
    check: (byName) => {
      const result = byName.get('1M');
      return result && { value: `${result.wallS.toFixed(2)} s`, pass: result.wallS < 30 };
    },
  },
  {
    target: '1M peak RSS < 2048 MB',
    check: (byName) => {
      const result = byName.get('1M');
      return result && { value: `${result.peakRssMB.toFixed(0)} MB`, pass: result.peakRssMB < 2048 };
    },
  },
  {
    // 10x the data should cost about 10x the time: a ratio well above that means something superlinear.
    target: 'read+validate+analyse 1M / 100k <= 12',
    check: (byName) => {
      const big = byName.get('1M');
      const small = byName.get('100k');
      if (!big || !small) return undefined;
      const ratio = readAndAnalyseS(big) / readAndAnalyseS(small);
      return {
        value: `${ratio.toFixed(2)} (${readAndAnalyseS(big).toFixed(2)} s / ${readAndAnalyseS(small).toFixed(2)} s)`,
        pass: ratio <= 12,
      };
    },
  },
  {
    // The data stage (read, validate, analyse) against DuckDB loading the same CSV files and computing the same counts.
    target: 'data stage 1M <= 3x DuckDB',
    check: (byName) => {
      const result = byName.get('1M');
      if (!result) return undefined;
      const ratio = readAndAnalyseS(result) / result.duckdbS;
      return { value: `${ratio.toFixed(2)}x (${readAndAnalyseS(result).toFixed(2)} s / ${result.duckdbS.toFixed(2)} s)`, pass: ratio <= 3 };
    },
  },
  {
    target: '1M peak <= 1 GB',
    check: (byName) => {
      const result = byName.get('1M');
      return result && { value: `${result.peakRssMB.toFixed(0)} MB`, pass: result.peakRssMB <= MB_PER_GB };
    },
  },
  {
    target: '10M peak <= 6 GB',
    check: (byName) => {
      const result = byName.get('10M');
      return result && { value: `${result.peakRssMB.toFixed(0)} MB`, pass: result.peakRssMB <= 6 * MB_PER_GB };
    },
  },
  {
    // Ten times the data in at most eleven times the time: the data stage grows linearly.
    target: 'data stage 10M <= 11x 1M',
    check: (byName) => {
      const big = byName.get('10M');
      const small = byName.get('1M');
      if (!big || !small) return undefined;
      const ratio = readAndAnalyseS(big) / readAndAnalyseS(small);
      return {
        value: `${ratio.toFixed(2)}x (${readAndAnalyseS(big).toFixed(2)} s / ${readAndAnalyseS(small).toFixed(2)} s)`,
        pass: ratio <= 11,
      };
    },
  },
];

const importTarget = 'import of a 50,000-coding project < 10 s wall';

/** Each rebuild of the default study as a share of its cold build (the chart cache, docs/performance.md). */
const REBUILD_TARGETS: readonly {
  readonly target: string;
  readonly limit: number;
  readonly seconds: (rebuilds: RebuildResult) => number;
}[] = [
  { target: 'rebuild after a one-row change to the data <= 35% of cold', limit: 0.35, seconds: (rebuilds) => rebuilds.oneRowS },
  { target: 'rebuild with no change <= 25% of cold', limit: 0.25, seconds: (rebuilds) => rebuilds.noChangeS },
  { target: "rebuild after a one-line edit to a chapter's prose <= 30% of cold", limit: 0.3, seconds: (rebuilds) => rebuilds.proseS },
];

function checkRebuilds(rebuilds: RebuildResult | undefined): TargetResult[] {
  return REBUILD_TARGETS.map(({ target, limit, seconds }): TargetResult => {
    if (!rebuilds) return { target, status: 'not run', value: null };
    const ratio = seconds(rebuilds) / rebuilds.coldS;
    return {
      target,
      status: ratio <= limit ? 'PASS' : 'FAIL',
      value: `${(ratio * 100).toFixed(0)}% (${seconds(rebuilds).toFixed(2)} s / ${rebuilds.coldS.toFixed(2)} s)`,
    };
  });
}

export function checkTargets(results: readonly CaseResult[], imported?: ImportResult, rebuilds?: RebuildResult): TargetResult[] {
  const byName = new Map(results.map((result) => [result.name, result]));
  const builds = TARGETS.map(({ target, check }): TargetResult => {
    const outcome = check(byName);
    if (!outcome) return { target, status: 'not run', value: null };
    return { target, status: outcome.pass ? 'PASS' : 'FAIL', value: outcome.value };
  });
  const importing: TargetResult = imported
    ? { target: importTarget, status: imported.wallS < 10 ? 'PASS' : 'FAIL', value: `${imported.wallS.toFixed(2)} s` }
    : { target: importTarget, status: 'not run', value: null };
  return [...builds, importing, ...checkRebuilds(rebuilds)];
}
