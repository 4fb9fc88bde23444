import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseStudy } from '../../../src/analyse/analyseStudy.ts';
import { analysisCache, analysisCacheStamp } from '../../../src/build/analysisCache.ts';
import { packageHash } from '../../../src/build/buildKey.ts';
import { loadStudy } from '../../../src/load/loadStudy.ts';
import type { Report } from '../../../src/model/report.ts';
import { csvSource } from '../../../src/sources/csv/csvSource.ts';
import { repoRoot } from '../../helpers/runBuild.ts';

const fixture = join(repoRoot, 'tests', 'fixtures', 'school-visits', 'data');

function analysed(dataDir: string): Report {
  const loaded = loadStudy(csvSource(dataDir));
  if (!loaded.ok) throw new Error(`${dataDir} has problems`);
  return analyseStudy(loaded.study);
}

let work: string;
let data: string;
let cache: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-analysis-'));
  data = join(work, 'data');
  cache = join(work, 'cache');
  cpSync(fixture, data, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The cache as a build opens it: the package hashed as it is now. */
const cacheOf = (stamp: string) => analysisCache(cache, stamp, { packageHash: packageHash(data), dataDir: data, cwd: work });

describe('the analysis cache', () => {
  it('gives back the analysis kept for the same package, the same code and the same charts', () => {
    const report = analysed(data);
    cacheOf('stamp 1').keep({ measures: [] }, report);
    const found = cacheOf('stamp 1').find({ measures: [] });
    expect(found).toEqual(report);
  });

  it('finds nothing once a byte of the package changed, a file was added, or for other charts or code', () => {
    cacheOf('stamp 1').keep([], analysed(data));
    expect(cacheOf('stamp 1').find([])).toBeDefined();
    expect(cacheOf('stamp 2').find([])).toBeUndefined();
    expect(cacheOf('stamp 1').find([{ dimension: 'focus' }])).toBeUndefined();

    const visits = join(data, 'visits.csv');
    const original = readFileSync(visits, 'utf8');
    writeFileSync(visits, original.replace('three times', 'four times'));
    expect(cacheOf('stamp 1').find([])).toBeUndefined();
    writeFileSync(visits, original);
    expect(cacheOf('stamp 1').find([])).toBeDefined();

    // A names list the privacy checks read is part of the package.
    mkdirSync(join(data, 'private'), { recursive: true });
    writeFileSync(join(data, 'private', 'names.txt'), 'Someone\n');
    expect(cacheOf('stamp 1').find([])).toBeUndefined();
  });

  it('is stamped with all of qualpress code and the installed packages', () => {
    expect(analysisCacheStamp(repoRoot)).toMatch(/^sources [0-9a-f]{64}$/m);
  });

  // The cache keeps a report as JSON: every report must come back from JSON as it was.
  it.for(['data', 'tests/fixtures/school-visits/data', 'tests/fixtures/hostile/data'])(
    'keeps the report of %s exactly, through JSON',
    (folder) => {
      const report = analysed(join(repoRoot, folder));
      expect(isDeepStrictEqual(JSON.parse(JSON.stringify(report)), report)).toBe(true);
    },
  );
});
