import { mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKey, type BuildInputs } from '../../../src/build/buildKey.ts';
import {
  readRecord,
  recordPath,
  removeRecord,
  siteIsIntact,
  siteManifest,
  writeRecord,
  type BuildRecord,
} from '../../../src/build/buildRecord.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-build-record-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function files(folder: string, contents: Record<string, string>): void {
  for (const [name, text] of Object.entries(contents)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
}

describe('buildKey', () => {
  let inputs: BuildInputs;
  beforeEach(() => {
    inputs = {
      root: join(work, 'project'),
      dataDir: join(work, 'study', 'data'),
      contentDir: join(work, 'study', 'content'),
      archiveDir: join(work, 'study', 'releases'),
      outDir: join(work, 'dist'),
      cwd: work,
    };
    files(inputs.root, { 'src/cli/build.ts': 'code', 'package.json': '{}' });
    files(inputs.dataDir, { 'study.yaml': 'title: A', 'tweets.csv': 'id,text\n1,a\n', 'private/names.txt': 'Ann\n' });
    files(inputs.contentDir, { 'chapters/one.mdx': '# One\n' });
  });

  it('is the same for the same files and options', () => {
    expect(buildKey(inputs)).toBe(buildKey({ ...inputs }));
  });

  it('changes with any file the build reads, a new file, a removed one or a new folder', () => {
    const first = buildKey(inputs);
    const changes: (() => void)[] = [
      () => writeFileSync(join(inputs.dataDir, 'tweets.csv'), 'id,text\n1,b\n'),
      () => writeFileSync(join(inputs.dataDir, 'private', 'names.txt'), 'Ann\nBob\n'),
      () => writeFileSync(join(inputs.contentDir, 'chapters', 'one.mdx'), '# One\n\nA line.\n'),
      () => writeFileSync(join(inputs.contentDir, 'charts.yaml'), ''),
      () => unlinkSync(join(inputs.dataDir, 'study.yaml')),
      () => files(inputs.archiveDir, { 'index.yaml': 'releases: []' }),
      () => writeFileSync(join(inputs.root, 'src', 'cli', 'build.ts'), 'other code'),
      () => files(inputs.root, { 'public/favicon.svg': '<svg/>' }),
    ];
    const keys = [first];
    for (const change of changes) {
      change();
      keys.push(buildKey(inputs));
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('changes with the folders and options it is given', () => {
    const first = buildKey(inputs);
    expect(buildKey({ ...inputs, outDir: join(work, 'site') })).not.toBe(first);
    expect(buildKey({ ...inputs, cwd: inputs.root })).not.toBe(first);
    expect(buildKey({ ...inputs, archiveDir: join(work, 'other') })).not.toBe(first);
  });

  it('tells a file moved between folders from the same bytes in place', () => {
    const first = buildKey(inputs);
    rmSync(join(inputs.contentDir, 'chapters', 'one.mdx'));
    files(inputs.contentDir, { 'one.mdx': '# One\n' });
    expect(buildKey(inputs)).not.toBe(first);
  });
});

describe('the record of the last build', () => {
  const site = () => join(work, 'dist');
  beforeEach(() => files(site(), { 'index.html': '<!doctype html>', 'charts/a/chart.svg': '<svg/>', 'pagefind/x.pf': 'index' }));

  it('lists every file of the site, sorted, and finds the site intact', () => {
    const manifest = siteManifest(site());
    expect(manifest.map(([path]) => path)).toEqual(['charts/a/chart.svg', 'index.html', 'pagefind/x.pf']);
    expect(siteIsIntact(site(), manifest)).toBe(true);
  });

  it('finds a removed, added, edited or touched file, and a missing site', () => {
    const manifest = siteManifest(site());
    unlinkSync(join(site(), 'pagefind', 'x.pf'));
    expect(siteIsIntact(site(), manifest)).toBe(false);
    files(site(), { 'pagefind/x.pf': 'index' });
    expect(siteIsIntact(site(), manifest)).toBe(false); // the same bytes, but another file
    const again = siteManifest(site());
    files(site(), { 'extra.html': '' });
    expect(siteIsIntact(site(), again)).toBe(false);
    unlinkSync(join(site(), 'extra.html'));
    expect(siteIsIntact(site(), again)).toBe(true);
    writeFileSync(join(site(), 'index.html'), '<!doctype HTML>');
    expect(siteIsIntact(site(), again)).toBe(false);
    const edited = siteManifest(site());
    const { mtime } = statSync(join(site(), 'index.html'));
    utimesSync(join(site(), 'index.html'), mtime, new Date(mtime.getTime() + 5000));
    expect(siteIsIntact(site(), edited)).toBe(false);
    rmSync(site(), { recursive: true });
    expect(siteIsIntact(site(), edited)).toBe(false);
  });

  it('is kept per output folder, read back whole, and forgotten', () => {
    const record: BuildRecord = {
      format: 1,
      key: 'k',
      files: siteManifest(site()),
      summary: ['data/a.csv: 1 row read'],
      notices: [],
      pages: 1,
      charts: 0,
      bytes: 10,
    };
    const path = recordPath(join(work, 'cache'), site());
    expect(recordPath(join(work, 'cache'), join(work, 'other'))).not.toBe(path);
    expect(readRecord(path)).toBeUndefined();
    writeRecord(path, record);
    expect(readRecord(path)).toEqual(record);
    removeRecord(path);
    expect(readRecord(path)).toBeUndefined();
  });

  it('reads a damaged or foreign record as none', () => {
    const path = recordPath(join(work, 'cache'), site());
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '{"format":1,"key":');
    expect(readRecord(path)).toBeUndefined();
    writeFileSync(path, JSON.stringify({ format: 2, key: 'k' }));
    expect(readRecord(path)).toBeUndefined();
  });
});
