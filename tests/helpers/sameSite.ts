import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';

/** Every file of a built site by its path (with `/` separators), to compare two sites byte for byte. */
export function siteFiles(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) found.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
  }
  return found;
}

/** The two sites hold the same files, byte for byte. */
export function expectSameSite(actual: string, expected: string): void {
  const a = siteFiles(actual);
  const b = siteFiles(expected);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const different = [...a].filter(([path, bytes]) => !b.get(path)?.equals(bytes)).map(([path]) => path);
  expect(different).toEqual([]);
}
