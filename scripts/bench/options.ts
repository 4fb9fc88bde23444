// The benchmark's command-line options: which cases, how many runs, where to save JSON.
import { parseArgs } from 'node:util';
import { CASE_NAMES, type CaseName } from './cases.ts';

export interface BenchOptions {
  readonly cases: readonly CaseName[];
  readonly runs: number;
  /** Where to write the JSON result as well as printing it; undefined: print only. */
  readonly jsonFile: string | undefined;
  /** Time `npm run import` of a 50,000-coding project too (off with --skip-import). */
  readonly importProject: boolean;
  /** A git ref whose cold build this checkout's is compared with (--baseline); undefined: no comparison. */
  readonly baseline: string | undefined;
  /** Pairs of cold builds for that comparison. */
  readonly baselineRuns: number;
}

/** The cases run without --cases: all but 10M, which takes minutes and gigabytes on its own. */
const DEFAULT_CASES = CASE_NAMES.filter((name) => name !== '10M');

export const USAGE = `usage: node scripts/bench.ts [--cases ${CASE_NAMES.join(',')}] [--runs 1] [--json FILE] [--skip-import] [--baseline REF [--baseline-runs 3]]`;

function isCaseName(name: string): name is CaseName {
  return (CASE_NAMES as readonly string[]).includes(name);
}

function parseCases(value: string): CaseName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isCaseName(name));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; expected some of ${CASE_NAMES.join(', ')}`);
  if (names.length === 0) throw new Error('--cases needs at least one case');
  // Run in the canonical order, smallest first, whatever order they were asked in.
  return CASE_NAMES.filter((name) => names.includes(name));
}

function parseRuns(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--runs needs a positive integer, got "${value}"`);
  return Number(value);
}

/** The parsed options, or undefined when --help was asked for. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      cases: { type: 'string', default: DEFAULT_CASES.join(',') },
      runs: { type: 'string', default: '1' },
      json: { type: 'string' },
      'skip-import': { type: 'boolean', default: false },
      baseline: { type: 'string' },
      'baseline-runs': { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return undefined;
  return {
    cases: parseCases(values.cases),
    runs: parseRuns(values.runs),
    jsonFile: values.json,
    importProject: !values['skip-import'],
    baseline: values.baseline,
    baselineRuns: parseRuns(values['baseline-runs']),
  };
}
