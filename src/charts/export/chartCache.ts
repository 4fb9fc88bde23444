import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The build's persistent cache of drawn charts (docs/performance.md): every SVG and PNG a
 * chart's files are made of, stored under the SHA-256 of what it is drawn from plus the
 * `stamp` (the versions of the renderer, the font and qualpress, and a hash of the drawing
 * code), so an unchanged chart is neither redrawn nor rasterised by the next build.
 *
 * An entry is one file, `<dir>/<key[0..2]>/<key>`: the SHA-256 of its content (32 bytes), then
 * the content. It is written to a temporary name in the same folder and renamed into place,
 * so builds running side by side never read half a file; an entry that is missing, short or
 * does not match its hash is a miss, never an error.
 */
export interface ChartCache {
  /** False under `--no-cache`: every lookup is a miss and nothing is written. */
  readonly enabled: boolean;
  /** A text drawing (an SVG), from the cache or drawn now and stored. */
  text(what: string, material: unknown, chartId: string, draw: () => string): string;
  /** A binary drawing (a PNG), from the cache or drawn now and stored. */
  bytes(what: string, material: unknown, chartId: string, draw: () => Promise<Buffer>): Promise<Buffer>;
  /** Ids of the charts every file of which came from the cache, and of those drawn in part or whole. */
  charts(): { readonly fromCache: ReadonlySet<string>; readonly drawn: ReadonlySet<string> };
}

export interface ChartCacheOptions {
  readonly dir: string;
  /** What the key covers besides a drawing's own material: see chartCacheStamp. */
  readonly stamp: string;
  readonly enabled: boolean;
}

const digestLength = 32;

/**
 * The key of one drawing. JSON of the material as the build made it: the same code given the
 * same data makes the same JSON, and a change in the code changes the stamp, so at worst a
 * different key order costs a miss, never a wrong hit.
 */
export function cacheKey(stamp: string, what: string, material: unknown): string {
  return createHash('sha256').update(stamp).update('\n').update(what).update('\n').update(JSON.stringify(material)).digest('hex');
}

export function entryPath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), key);
}

/** The entry's content, or undefined when it is missing, short or damaged: all three are misses. */
export function readEntry(dir: string, key: string): Buffer | undefined {
  const path = entryPath(dir, key);
  let stored: Buffer;
  try {
    stored = readFileSync(path);
  } catch {
    return undefined;
  }
  if (stored.length < digestLength) return undefined;
  const content = stored.subarray(digestLength);
  if (!createHash('sha256').update(content).digest().equals(stored.subarray(0, digestLength))) return undefined;
  try {
    // Touched on every hit, so eviction removes the entries no build has used for longest.
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Another build evicted it meanwhile: the content read is whole all the same.
  }
  return content;
}

/** Store an entry atomically. A cache that cannot be written (a full disk, no permission) only costs later misses. */
export function writeEntry(dir: string, key: string, content: Buffer): void {
  const path = entryPath(dir, key);
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, Buffer.concat([createHash('sha256').update(content).digest(), content]));
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}

export function createChartCache({ dir, stamp, enabled }: ChartCacheOptions): ChartCache {
  const hits = new Set<string>();
  const drawn = new Set<string>();
  function lookup(what: string, material: unknown, chartId: string): { key: string; found: Buffer | undefined } {
    const key = cacheKey(stamp, what, material);
    const found = enabled ? readEntry(dir, key) : undefined;
    (found ? hits : drawn).add(chartId);
    return { key, found };
  }
  return {
    enabled,
    text(what, material, chartId, draw) {
      const { key, found } = lookup(what, material, chartId);
      if (found) return found.toString('utf8');
      const text = draw();
      if (enabled) writeEntry(dir, key, Buffer.from(text, 'utf8'));
      return text;
    },
    async bytes(what, material, chartId, draw) {
      const { key, found } = lookup(what, material, chartId);
      if (found) return found;
      const bytes = await draw();
      if (enabled) writeEntry(dir, key, bytes);
      return bytes;
    },
    charts: () => ({ fromCache: new Set([...hits].filter((id) => !drawn.has(id))), drawn }),
  };
}

// On globalThis, like the stage timer: the CLI opens the cache, and the charts are drawn by
// Astro's bundled copy of this module, which has module state of its own.
const handle = Symbol.for('qualpress.chartCache');

/** Make this cache the one every chart drawn in this process uses. */
export function useChartCache(cache: ChartCache | undefined): void {
  (globalThis as Record<symbol, ChartCache | undefined>)[handle] = cache;
}

/** The build's cache, or undefined outside `npm run build` (`astro dev`, tests): then charts are simply drawn. */
export function currentChartCache(): ChartCache | undefined {
  return (globalThis as Record<symbol, ChartCache | undefined>)[handle];
}

/** Draw through the build's cache if there is one. */
export function cachedText(what: string, material: unknown, chartId: string, draw: () => string): string {
  const cache = currentChartCache();
  return cache ? cache.text(what, material, chartId, draw) : draw();
}

export function cachedBytes(what: string, material: unknown, chartId: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  const cache = currentChartCache();
  return cache ? cache.bytes(what, material, chartId, draw) : draw();
}

/** A temporary file older than this was left by a build that was killed while writing it. */
const staleTemporaryMs = 60 * 60 * 1000;

/**
 * Keep the cache within `maxBytes`: remove entries least recently used first (a hit touches
 * its entry) until the rest fit, and temporary files left by killed builds. Run after a
 * build; returns how many bytes are kept. Housekeeping never stops a build.
 */
export function evictChartCache(dir: string, maxBytes: number, now = Date.now()): number {
  const entries: { path: string; size: number; used: number }[] = [];
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      if (name.endsWith('.tmp')) {
        if (now - stat.mtimeMs > staleTemporaryMs) rmSync(path, { force: true });
        continue;
      }
      entries.push({ path, size: stat.size, used: stat.mtimeMs });
    } catch {
      // Removed by another build meanwhile.
    }
  }
  entries.sort((a, b) => b.used - a.used);
  let kept = 0;
  let full = false;
  for (const entry of entries) {
    // Strictly by last use: once one entry does not fit, every older one goes too.
    full ||= kept + entry.size > maxBytes;
    if (full) rmSync(entry.path, { force: true });
    else kept += entry.size;
  }
  return kept;
}
