/**
 * Time spent in a named stage, added up across calls. Any room may report a stage here; only
 * the build reads the totals, for `--timings` and the benchmark. Kept on globalThis because
 * chart rendering runs inside Astro's bundled copy of the code, not the CLI's own module graph.
 */
const key = Symbol.for('qualpress.stageTimes');

function store(): Map<string, number> {
  const global = globalThis as Record<symbol, Map<string, number> | undefined>;
  return (global[key] ??= new Map<string, number>());
}

export function timeStage<T>(stage: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    store().set(stage, (store().get(stage) ?? 0) + performance.now() - started);
  }
}

/** The same for work done off the main thread: the time until it is ready, added up. */
export async function timeStageAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    store().set(stage, (store().get(stage) ?? 0) + performance.now() - started);
  }
}

export function stageTime(stage: string): number {
  return store().get(stage) ?? 0;
}

export function countStage(stage: string): void {
  store().set(`count:${stage}`, (store().get(`count:${stage}`) ?? 0) + 1);
}

export function stageCount(stage: string): number {
  return store().get(`count:${stage}`) ?? 0;
}
