// Runs the build CLI once, cold, as a child process and collects its figures.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildNodeFlags } from './nodeFlags.ts';

/** What one build reports, in ms and bytes, plus the wall time seen from outside. */
export interface BuildRun {
  /** Spawn to exit, as the user waits for it: includes Node's startup and module loading. */
  readonly outerWallMs: number;
  /** The CLI's own wall time, from its first line to writing the timings. */
  readonly wallMs: number;
  readonly readValidateMs: number;
  readonly analyseMs: number;
  readonly renderChartsMs: number;
  readonly writePagesMs: number;
  readonly peakRssBytes: number;
  readonly distBytes: number;
  readonly pages: number;
  readonly charts: number;
}

export class BuildFailedError extends Error {
  readonly stderr: string;
  constructor(message: string, stderr: string) {
    super(message);
    this.name = 'BuildFailedError';
    this.stderr = stderr;
  }
}

function numberAt(value: unknown, path: string): number {
  const found = path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
  if (typeof found !== 'number' || !Number.isFinite(found)) throw new Error(`timings file has no number at ${path}`);
  return found;
}

function readTimings(file: string, outerWallMs: number): BuildRun {
  const timings: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return {
    outerWallMs,
    wallMs: numberAt(timings, 'wallMs'),
    readValidateMs: numberAt(timings, 'stages.readValidateMs'),
    analyseMs: numberAt(timings, 'stages.analyseMs'),
    renderChartsMs: numberAt(timings, 'stages.renderChartsMs'),
    writePagesMs: numberAt(timings, 'stages.writePagesMs'),
    peakRssBytes: numberAt(timings, 'peakRssBytes'),
    distBytes: numberAt(timings, 'distBytes'),
    pages: numberAt(timings, 'pages'),
    charts: numberAt(timings, 'charts'),
  };
}

export interface BuildOptions {
  /** The chart cache's folder (QUALPRESS_CACHE); the run's own, never the user's `.qualpress/cache/`. */
  readonly cache: string;
  /** The content folder; the build's default (content/) when absent. */
  readonly content?: string;
}

/**
 * One cold build of dataDir into workDir. Its chart cache is emptied first so no run profits
 * from an earlier one; the timings file is removed too so a stale one can never be read back
 * as this run's.
 */
export function runColdBuild(repoRoot: string, dataDir: string, workDir: string): BuildRun {
  const cache = join(workDir, 'chart-cache');
  // Cold: an empty cache (which holds the record of the last build too) and no earlier site.
  rmSync(cache, { recursive: true, force: true });
  rmSync(join(workDir, 'dist'), { recursive: true, force: true });
  return runBuild(repoRoot, dataDir, workDir, { cache });
}

/** One build of dataDir into workDir with the given chart cache, cold or warm as the cache is. */
export function runBuild(repoRoot: string, dataDir: string, workDir: string, options: BuildOptions): BuildRun & { chartLine: string } {
  const timingsFile = join(workDir, 'timings.json');
  rmSync(timingsFile, { force: true });

  const args = [
    ...buildNodeFlags(repoRoot),
    join(repoRoot, 'src/cli/build.ts'),
    '--data',
    dataDir,
    '--out',
    join(workDir, 'dist'),
    '--timings',
    timingsFile,
    '--quiet',
  ];
  if (options.content) args.push('--content', options.content);
  const started = performance.now();
  // process.execPath: the Node running the bench (24, with type stripping), not whatever `node` is on PATH.
  const child = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, QUALPRESS_CACHE: options.cache },
  });
  const outerWallMs = performance.now() - started;

  if (child.error) throw new BuildFailedError(`could not run the build: ${child.error.message}`, child.stderr ?? '');
  if (child.status !== 0) {
    const how = child.signal ? `was killed by ${child.signal}` : `exited with ${child.status}`;
    throw new BuildFailedError(`build of ${dataDir} ${how}`, child.stderr);
  }
  // What the build reused: its line on charts, or the line saying nothing changed.
  const chartLine = child.stdout.split('\n').find((line) => /^(?:\d[\d,]* charts: |Nothing changed since the last build)/.test(line)) ?? '';
  return { ...readTimings(timingsFile, outerWallMs), chartLine };
}
