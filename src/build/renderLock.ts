import { linkSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processIsRunning } from './collectScratch.ts';

/**
 * Whatever its cache folder, Astro writes the list of a build's chapter modules to
 * `.astro/content-modules.mjs` in the project folder, and bundles the pages from that list a
 * moment later. Two builds of one checkout rendering at once (two studies, or two output
 * folders) would each bundle the other's chapters and fail. So the render stage of a build
 * holds this lock, `.qualpress/render.lock`, holding the id of the process that has it: a
 * second build reads and analyses its study side by side with the first, and waits only
 * for its turn to render.
 */
export const renderLockName = 'render.lock';

/**
 * A lock older than this is taken over even if a process of that id is running: the id may
 * have been reused since (after a restart), and no build renders for an hour.
 */
const staleAfterMs = 60 * 60 * 1000;
const pollMs = 150;

export interface RenderLockOptions {
  /** Called once, when the lock is held by another running build, with that build's process id. */
  readonly onWait?: (holder: number) => void;
  /**
   * Called when the lock cannot be made at all (a file system without hard links, say), with
   * the reason; the build then renders without it rather than stop.
   */
  readonly onUnavailable?: (reason: string) => void;
  readonly isRunning?: (pid: number) => boolean;
}

/**
 * Take the render lock in `work` (the `.qualpress/` folder), waiting while another running
 * build holds it; a lock left by a build that no longer runs is taken over. Returns the
 * function that gives it back, which is also called when the process exits, so a build that
 * stops with `process.exit` never leaves it held.
 */
export async function takeRenderLock(work: string, options: RenderLockOptions = {}): Promise<() => void> {
  try {
    return await lockFor(work, options);
  } catch (error) {
    options.onUnavailable?.((error as NodeJS.ErrnoException).code ?? String(error));
    return () => {};
  }
}

async function lockFor(work: string, options: RenderLockOptions): Promise<() => void> {
  const lock = join(work, renderLockName);
  const isRunning = options.isRunning ?? processIsRunning;
  sweepLeftFiles(work, isRunning);
  // The lock appears whole or not at all: its content is written under another name and
  // linked into place, which fails if the lock exists.
  const offer = join(work, `${renderLockName}.${process.pid}`);
  writeFileSync(offer, String(process.pid));
  let told = false;
  try {
    for (;;) {
      try {
        linkSync(offer, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = lockHolder(lock);
      if (holder === undefined) continue; // gone in the meantime
      // This process's own id: left by an earlier process that had the same id (a killed
      // build in a container, where runs often get the same ids).
      const left = holder.pid === 0 || holder.pid === process.pid || !isRunning(holder.pid);
      if (left || holder.ageMs > staleAfterMs) {
        removeStale(work, holder.text);
        continue;
      }
      if (!told) options.onWait?.(holder.pid);
      told = true;
      await sleep(pollMs);
    }
  } finally {
    rmSync(offer, { force: true });
  }
  const release = () => {
    process.off('exit', release);
    try {
      removeIfItSays(lock, String(process.pid));
    } catch {
      // Left for the next build, which finds this process gone and takes the lock over.
    }
  };
  process.on('exit', release);
  return release;
}

/** Who holds the lock (0 when what it says is no process id) and for how long, or undefined when there is no lock. */
function lockHolder(lock: string): { text: string; pid: number; ageMs: number } | undefined {
  try {
    const text = readFileSync(lock, 'utf8');
    const pid = Number(text);
    return { text, pid: Number.isInteger(pid) && pid > 0 ? pid : 0, ageMs: Date.now() - statSync(lock).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Remove a stale lock that says `text`. Two builds may find the same stale lock, and the
 * second may look only after the first has taken the lock over: the lock is moved aside
 * first, in one step, and put back if it turns out to say something else.
 */
function removeStale(work: string, text: string): void {
  const lock = join(work, renderLockName);
  const aside = join(work, `${renderLockName}.stale.${process.pid}`);
  try {
    renameSync(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== text) linkSync(aside, lock);
  } catch (error) {
    // EEXIST: yet another build has taken the free lock meanwhile, and holds it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Files of builds killed while waiting for the lock or taking a stale one over. */
function sweepLeftFiles(work: string, isRunning: (pid: number) => boolean): void {
  for (const name of readdirSync(work)) {
    const pid = /^render\.lock\.(?:stale\.)?(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(join(work, name), { force: true });
  }
}

/** Remove the lock only if it still says `text`: another build may have taken it over since. */
function removeIfItSays(lock: string, text: string): void {
  try {
    if (readFileSync(lock, 'utf8') === text) unlinkSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
