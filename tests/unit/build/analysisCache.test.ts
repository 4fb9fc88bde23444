import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseStudy } from '../../../src/analyse/analyseStudy.ts';
import { analysisCache, analysisCacheStamp } from '../../../src/build/analysisCache.ts';
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

describe('the analysis cache', () => {
  it('gives back the analysis kept for the same package, the same code and the same charts', () => {
    const report = analysed(data);
    analysisCache(cache, 'stamp 1', data, work).keep({ measures: [] }, report);
    const found = analysisCache(cache, 'stamp 1', data, work).find({ measures: [] });
    expect(found).toEqual(report);
  });

  it('finds nothing once a byte of the package changed, a file was added, or for other charts or code', () => {
    analysisCache(cache, 'stamp 1', data, work).keep([], analysed(data));
    expect(analysisCache(cache, 'stamp 1', data, work).find([])).toBeDefined();
    expect(analysisCache(cache, 'stamp 2', data, work).find([])).toBeUndefined();
    expect(analysisCache(cache, 'stamp 1', data, work).find([{ dimension: 'focus' }])).toBeUndefined();

    const visits = join(data, 'visits.csv');
    const original = readFileSync(visits, 'utf8');
    writeFileSync(visits, original.replace('three times', 'four times'));
    expect(analysisCache(cache, 'stamp 1', data, work).find([])).toBeUndefined();
    writeFileSync(visits, original);
    expect(analysisCache(cache, 'stamp 1', data, work).find([])).toBeDefined();

    // A names list the privacy checks read is part of the package.
    mkdirSync(join(data, 'private'), { recursive: true });
    writeFileSync(join(data, 'private', 'names.txt'), 'Someone\n');
    expect(analysisCache(cache, 'stamp 1', data, work).find([])).toBeUndefined();
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
