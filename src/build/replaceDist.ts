import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Put a finished build in place of the old one. The new site is complete before the old
 * one moves, so a failed build can never leave a half-written or empty dist/.
 */
export function replaceDist(finished: string, dist: string): void {
  const previous = `${dist}.previous-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, previous);
  try {
    renameSync(finished, dist);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, dist);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
