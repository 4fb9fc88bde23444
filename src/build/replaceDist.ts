import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Put a finished build in place of the old one. The new site is complete before the old
 * one moves, so a failed build can never leave a half-written or empty dist/.
 */
export function replaceDist(finished: string, dist: string): void {
  mkdirSync(dirname(dist), { recursive: true });
  const previous = `${dist}.previous-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, previous);
  try {
    moveFolder(finished, dist);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, dist);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** A rename, or a copy where the output folder is on another file system than the staging one. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
