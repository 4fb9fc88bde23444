// `--baseline REF`: the default study's cold build against the same build of another commit
// (issue 11: a cold build in <= 60% of today's main), timed in one run, in turn (A B A B), so
// that a machine whose speed drifts during the run moves both alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.ts';
import { buildNodeFlags } from './nodeFlags.ts';
import type { TargetResult } from './targets.ts';

export interface BaselineResult {
  readonly ref: string;
  /** The commit REF named when the bench ran. */
  readonly commit: string;
  readonly runs: number;
  /** Median wall time of this checkout's cold builds and of REF's, spawn to exit. */
  readonly thisS: number;
  readonly baselineS: number;
  /** Median of the run-by-run ratios this / baseline. */
  readonly ratio: number;
}

/** The share of the baseline's cold build this checkout's must stay within. */
export const baselineLimit = 0.6;

/** One cold build (no chart cache, a new output folder) of the default study by the checkout at root, in ms. */
function coldBuildMs(root: string, outDir: string): number {
  const started = performance.now();
  // process.execPath: the Node running the bench (24, with type stripping), not whatever `node` is on PATH.
  const child = spawnSync(
    process.execPath,
    [...buildNodeFlags(root), join(root, 'src/cli/build.ts'), '--no-cache', '--out', outDir, '--quiet'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = performance.now() - started;
  if (child.error || child.status !== 0) throw new Error(`cold build in ${root} failed: ${child.error?.message ?? child.stderr.trim()}`);
  rmSync(outDir, { recursive: true, force: true });
  return ms;
}

/**
 * Check REF out into tempRoot (a detached git worktree sharing this checkout's node_modules),
 * then time cold builds of both, in turn, after one untimed build each. The worktree is
 * removed afterwards.
 */
export function measureBaseline(repoRoot: string, tempRoot: string, ref: string, runs: number): BaselineResult {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const checkout = mkdtempSync(join(tempRoot, 'baseline-'));
  rmSync(checkout, { recursive: true });
  git('worktree', 'add', '--detach', checkout, commit);
  try {
    const modules = join(repoRoot, 'node_modules');
    if (existsSync(modules)) symlinkSync(modules, join(checkout, 'node_modules'));
    const outDir = (name: string) => join(tempRoot, `baseline-out-${name}`);
    coldBuildMs(repoRoot, outDir('warm-up'));
    coldBuildMs(checkout, outDir('warm-up'));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < runs; run++) {
      ours.push(coldBuildMs(repoRoot, outDir(`this-${run}`)));
      theirs.push(coldBuildMs(checkout, outDir(`baseline-${run}`)));
    }
    const seconds = (ms: number) => Number((ms / 1000).toFixed(3));
    return {
      ref,
      commit,
      runs,
      thisS: seconds(median(ours)),
      baselineS: seconds(median(theirs)),
      ratio: Number(median(ours.map((ms, run) => ms / theirs[run]!)).toFixed(3)),
    };
  } finally {
    git('worktree', 'remove', '--force', checkout);
  }
}

/** The target line, with its figure; "not run" without --baseline. */
export function baselineTarget(result: BaselineResult | undefined, ref: string | undefined): TargetResult {
  const target = `default cold build <= ${baselineLimit * 100}% of ${ref ?? 'a baseline (--baseline REF)'}`;
  if (!result) return { target, status: 'not run', value: null };
  return {
    target,
    status: result.ratio <= baselineLimit ? 'PASS' : 'FAIL',
    value: `${(result.ratio * 100).toFixed(0)}% (${result.thisS.toFixed(2)} s / ${result.baselineS.toFixed(2)} s, median of ${result.runs} pairs)`,
  };
}

/** The comparison on one line, under the build table. */
export function formatBaseline(result: BaselineResult | undefined): string {
  if (!result) return 'baseline: not run (--baseline REF)';
  return `cold build against ${result.ref} (${result.commit.slice(0, 7)}), ${result.runs} pairs in turn: this ${result.thisS.toFixed(2)} s, baseline ${result.baselineS.toFixed(2)} s, ratio ${result.ratio.toFixed(2)}`;
}
