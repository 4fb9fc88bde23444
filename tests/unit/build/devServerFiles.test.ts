import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepDevServerFiles } from '../../../src/build/devServerFiles.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'qualpress-dev-files-'));
  mkdirSync(join(root, '.astro'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const file = (name: string) => join(root, '.astro', name);

describe('keepDevServerFiles', () => {
  it("puts back what the dev server's chapter lists held before the build rewrote them, leaving no other file", () => {
    writeFileSync(file('content-modules.mjs'), 'the dev server’s chapters');
    writeFileSync(file('content-assets.mjs'), 'its assets');
    writeFileSync(file('types.d.ts'), 'types');
    const restore = keepDevServerFiles(root);
    writeFileSync(file('content-modules.mjs'), 'the build’s chapters');
    writeFileSync(file('types.d.ts'), 'types the build wrote');
    restore();
    expect(readFileSync(file('content-modules.mjs'), 'utf8')).toBe('the dev server’s chapters');
    expect(readFileSync(file('content-assets.mjs'), 'utf8')).toBe('its assets');
    // Only the two lists: the rest of .astro/ is no concern of a dev server's pages.
    expect(readFileSync(file('types.d.ts'), 'utf8')).toBe('types the build wrote');
    expect(readdirSync(join(root, '.astro')).sort()).toEqual(['content-assets.mjs', 'content-modules.mjs', 'types.d.ts']);
  });

  it('leaves a list that did not exist before the build as the build wrote it', () => {
    const restore = keepDevServerFiles(root);
    writeFileSync(file('content-modules.mjs'), 'the build’s chapters');
    restore();
    expect(readFileSync(file('content-modules.mjs'), 'utf8')).toBe('the build’s chapters');
  });
});
