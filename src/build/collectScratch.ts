import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Folders a build writes under `.qualpress/` and removes when it ends, each named with the
 * id of the process that owns it: `build-PID/` (the staged site), `cache-PID/` (Astro's
 * cache) and `generated/<study key>-PID/` (the generated chapters). A build killed mid-way
 * (kill -9, a closed terminal, a crashed machine) leaves them behind.
 */
const scratchNames: readonly { readonly under: readonly string[]; readonly name: RegExp }[] = [
  { under: [], name: /^(?:build|cache)-(\d+)$/ },
  { under: ['generated'], name: /^[0-9a-f]{16}-(\d+)$/ },
];

/**
 * Whether a process with this id is running. `kill(pid, 0)` sends nothing: it fails with
 * ESRCH when there is no such process, and with EPERM when there is one we may not signal
 * (another user's), which is running all the same.
 */
export function processIsRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Remove the scratch folders in `work` (the `.qualpress/` folder) whose process is no
 * longer running, and return their paths. Folders of a running process are kept, since
 * builds may run side by side, and so is anything not named like a scratch folder. A
 * folder that cannot be listed or removed is left for a later build: collecting is
 * housekeeping and never stops a build.
 */
export function collectScratch(work: string, isRunning: (pid: number) => boolean = processIsRunning): string[] {
  const removed: string[] = [];
  for (const { under, name } of scratchNames) {
    const folder = join(work, ...under);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const pid = name.exec(entry.name)?.[1];
      if (!entry.isDirectory() || pid === undefined || isRunning(Number(pid))) continue;
      const path = join(folder, entry.name);
      try {
        rmSync(path, { recursive: true, force: true });
        removed.push(path);
      } catch {
        // Left for a later build.
      }
    }
  }
  return removed;
}
