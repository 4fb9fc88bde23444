import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Everything a build reads or is told, besides the code: see buildKey. */
export interface BuildInputs {
  /** The project's top folder (qualpress's code, its packages, public/). */
  readonly root: string;
  readonly dataDir: string;
  readonly contentDir: string;
  readonly archiveDir: string;
  readonly outDir: string;
  /** Problem lines and published origins name files relative to it. */
  readonly cwd: string;
}

/**
 * qualpress's own code and what it runs with: the sources of every room, the files Astro
 * copies (public/), the configuration, the locked and the installed package versions, and
 * the files Vite reads environment variables from.
 */
export const codePaths = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'node_modules/.package-lock.json',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
] as const;

/** Files are hashed a megabyte at a time, so a big dataset never sits in memory whole. */
const chunk = Buffer.alloc(1024 * 1024);

function hashFile(hash: Hash, path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    for (;;) {
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Hash a file or every file under a folder, each with its path relative to `base` and its
 * size, in a fixed order; a path that does not exist is hashed as missing, so creating it
 * changes the hash.
 */
export function hashTree(hash: Hash, label: string, path: string, base = path): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    hash.update(`${label} missing\0`);
    return;
  }
  const files = isFolder ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((name) => join(path, name)) : [path];
  for (const file of files.sort()) {
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      size = stat.size;
    } catch {
      continue; // a dangling link
    }
    hash.update(`${label} ${relative(base, file).split(sep).join('/')} ${size}\0`);
    hashFile(hash, file);
  }
}

/**
 * The SHA-256 of every file of a study package, with its path and size: computed once per
 * build, for the build key and the analysis cache (a CSV of a million rows takes about 0.2 s).
 */
export function packageHash(dataDir: string): string {
  const hash = createHash('sha256');
  hashTree(hash, 'data', dataDir);
  return hash.digest('hex');
}

/**
 * The SHA-256 of everything a build's output depends on: every file of the study package,
 * the content folder and the release archive; the folders and the working directory the
 * build was given; qualpress's code, configuration and installed packages; and the Node
 * that runs it. Two builds with the same key make the same site, so a dist/ made under a key
 * is still the site when the key is computed again (docs/performance.md, "Rebuilds").
 * private/ is hashed with the rest: the privacy checks may read a names list there.
 */
export function buildKey(inputs: BuildInputs, dataHash = packageHash(inputs.dataDir)): string {
  const hash = createHash('sha256');
  hash.update('qualpress-build 1\0');
  hash.update(`node ${process.version} ${process.platform} ${process.arch}\0`);
  hash.update(`NODE_ENV ${process.env.NODE_ENV ?? ''}\0`);
  for (const [name, value] of Object.entries({ ...inputs })) hash.update(`${name} ${value}\0`);
  for (const path of codePaths) hashTree(hash, 'code', join(inputs.root, path), inputs.root);
  hash.update(`data ${dataHash}\0`);
  hashTree(hash, 'content', inputs.contentDir);
  hashTree(hash, 'releases', inputs.archiveDir);
  return hash.digest('hex');
}
