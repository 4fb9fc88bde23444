import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256 } from './chartInputs.ts';

/**
 * The release archive's files, each stored once under its SHA-256: `objects/ab/abcdef…`. A
 * release that changes one chart adds about one chart's files; an unchanged file is shared.
 */
export function objectPath(archiveDir: string, hash: string): string {
  return join(archiveDir, 'objects', hash.slice(0, 2), hash);
}

/** Store bytes under their hash, unless already there; returns the hash. Never rewrites a stored file. */
export function storeObject(archiveDir: string, bytes: Uint8Array | string): string {
  const hash = sha256(bytes);
  const path = objectPath(archiveDir, hash);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes, { flag: 'wx' });
  }
  return hash;
}

export function readObject(archiveDir: string, hash: string): Buffer {
  return readFileSync(objectPath(archiveDir, hash));
}
