import { createHash } from 'node:crypto';
import { isAbsolute, join, relative } from 'node:path';
import type { Problem } from '../problems/problem.ts';
import { readText, readTextChunks, type TextResult } from './readText.ts';

/**
 * The study package's folder: reads its files as text and fingerprints every file read,
 * so the site can state exactly which data it was built from.
 */
export interface StudyFiles {
  /** The path as a user sees it from the working directory, e.g. `data/posts.csv`. */
  shown(name: string): string;
  read(name: string): TextResult;
  /**
   * The same text in pieces, for files too big for one string; fingerprinted as `read` does
   * once the last piece is read. `discard()` forgets it, when the caller reads it again with
   * `read` after all (a file with a problem, placed exactly only by a whole reading).
   */
  stream(name: string): { ok: true; chunks: Iterable<string>; discard(): void } | { ok: false; problem: Problem };
  /** SHA-256 over the names and contents of the files read so far, in reading order. */
  fingerprint(): string;
}

export function studyFiles(dataDir: string, cwd = process.cwd()): StudyFiles {
  const root = isAbsolute(dataDir) ? dataDir : join(cwd, dataDir);
  let hash = createHash('sha256');
  const shown = (name: string) => {
    const path = relative(cwd, join(root, name));
    return path.startsWith('..') ? join(root, name) : path;
  };
  return {
    shown,
    read(name) {
      const result = readText(join(root, name), shown(name));
      if (result.ok) hash.update(name).update('\u0000').update(result.text).update('\u0000');
      return result;
    },
    stream(name) {
      const before = hash.copy();
      // Hashed as read, in order; the name and the closing NUL as `read` hashes them.
      let hashing = false;
      const result = readTextChunks(join(root, name), shown(name), (bytes) => {
        if (!hashing) hash.update(name).update('\u0000');
        hashing = true;
        hash.update(bytes);
      });
      if (!result.ok) return result;
      const source = result.chunks;
      function* chunks(): Generator<string> {
        yield* source;
        if (!hashing) hash.update(name).update('\u0000');
        hash.update('\u0000');
      }
      return {
        ok: true,
        chunks: chunks(),
        discard: () => {
          hash = before;
        },
      };
    },
    fingerprint: () => hash.copy().digest('hex'),
  };
}
