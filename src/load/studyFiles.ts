import { createHash } from 'node:crypto';
import { isAbsolute, join, relative } from 'node:path';
import { readText, type TextResult } from './readText.ts';

/**
 * The study package's folder: reads its files as text and fingerprints every file read,
 * so the site can state exactly which data it was built from.
 */
export interface StudyFiles {
  /** The path as a user sees it from the working directory, e.g. `data/posts.csv`. */
  shown(name: string): string;
  read(name: string): TextResult;
  /** SHA-256 over the names and contents of the files read so far, in reading order. */
  fingerprint(): string;
}

export function studyFiles(dataDir: string, cwd = process.cwd()): StudyFiles {
  const root = isAbsolute(dataDir) ? dataDir : join(cwd, dataDir);
  const hash = createHash('sha256');
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
    fingerprint: () => hash.copy().digest('hex'),
  };
}
