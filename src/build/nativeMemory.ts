import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** From this much study data on, memory rather than speed is what a build runs short of. */
const bigStudyBytes = 64 * 1024 * 1024;

/**
 * For a big study, have the native libraries the build loads later give freed memory back
 * to the system at once. rolldown (Vite's bundler) and resvg (the PNG rasteriser) allocate
 * with mimalloc, which keeps memory it has freed for a while in case it is wanted again.
 * Given back at once, a million-unit study's build peaks about 120 MB lower (mean of eight cold builds,
 * docs/performance.md); it costs about 4% more CPU, which a small study, whose build is
 * far from any memory limit, does not pay. mimalloc reads the setting when a library loads,
 * so this must run before they are imported. A value the user set is kept.
 */
export function giveBackNativeMemoryForBigStudies(dataDir: string): void {
  if (folderBytes(dataDir) >= bigStudyBytes) process.env.MIMALLOC_PURGE_DELAY ??= '0';
}

/** The bytes of the files in a folder; 0 for one that cannot be read (the build reports that itself, later). */
function folderBytes(folder: string): number {
  let bytes = 0;
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.size ?? 0;
    }
  } catch {
    return 0;
  }
  return bytes;
}
