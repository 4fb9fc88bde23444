import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of `.astro/` in the project folder that a build rewrites whatever its cache
 * folder: the list of the chapters' modules and of their assets. A dev server of the same
 * checkout (`npm run dev`) reads them, and with a build's list its pages fail, naming a
 * chapter, until it restarts.
 */
const sharedFiles = ['content-modules.mjs', 'content-assets.mjs'];

/**
 * Keep what those files hold now, and return the function that puts it back once the build
 * has rendered (done under the render lock, so no other build writes them meanwhile). A
 * file that did not exist is left as the build wrote it: no dev server was reading it.
 */
export function keepDevServerFiles(root: string): () => void {
  const kept: { path: string; bytes: Buffer }[] = [];
  for (const name of sharedFiles) {
    const path = join(root, '.astro', name);
    try {
      kept.push({ path, bytes: readFileSync(path) });
    } catch {
      // Not there: nothing to put back.
    }
  }
  return () => {
    for (const { path, bytes } of kept) {
      try {
        if (readFileSync(path).equals(bytes)) continue;
        // Whole or not at all, since a dev server may read it at any moment.
        const next = `${path}.${process.pid}`;
        writeFileSync(next, bytes);
        renameSync(next, path);
      } catch {
        // A dev server restarted later writes its own again.
      }
    }
  };
}
