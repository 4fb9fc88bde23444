import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveBackNativeMemoryForBigStudies } from '../../../src/build/nativeMemory.ts';

describe('giveBackNativeMemoryForBigStudies', () => {
  let folder: string;
  const before = process.env.MIMALLOC_PURGE_DELAY;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'qualpress-native-'));
    delete process.env.MIMALLOC_PURGE_DELAY;
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    if (before === undefined) delete process.env.MIMALLOC_PURGE_DELAY;
    else process.env.MIMALLOC_PURGE_DELAY = before;
  });

  it('leaves a small study to the libraries’ defaults', () => {
    writeFileSync(join(folder, 'tweets.csv'), 'id\n1\n');
    giveBackNativeMemoryForBigStudies(folder);
    expect(process.env.MIMALLOC_PURGE_DELAY).toBeUndefined();
  });

  it('has freed memory given back at once for a study of 64 MB or more, counting files in subfolders', () => {
    mkdirSync(join(folder, 'reliability'));
    // Sparse files: their size is what counts, and they take no room on disk.
    writeFileSync(join(folder, 'tweets.csv'), '');
    truncateSync(join(folder, 'tweets.csv'), 48 * 1024 * 1024);
    writeFileSync(join(folder, 'reliability', 'tweets.csv'), '');
    truncateSync(join(folder, 'reliability', 'tweets.csv'), 16 * 1024 * 1024);
    giveBackNativeMemoryForBigStudies(folder);
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe('0');
  });

  it('keeps a value the user set, and ignores a folder that does not exist', () => {
    writeFileSync(join(folder, 'tweets.csv'), '');
    truncateSync(join(folder, 'tweets.csv'), 64 * 1024 * 1024);
    process.env.MIMALLOC_PURGE_DELAY = '25';
    giveBackNativeMemoryForBigStudies(folder);
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe('25');
    delete process.env.MIMALLOC_PURGE_DELAY;
    giveBackNativeMemoryForBigStudies(join(folder, 'missing'));
    expect(process.env.MIMALLOC_PURGE_DELAY).toBeUndefined();
  });
});
