import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citationCacheStamp, loadCitationCache, saveCitationCache } from '../../../src/build/citationCache.ts';
import { cacheKey, entryPath } from '../../../src/charts/export/chartCache.ts';
import { formattedOnce } from '../../../src/cite/formattedOnce.ts';
import { repoRoot } from '../../helpers/runBuild.ts';

// The process-wide store of formatted citations lives on globalThis; each test starts with none.
const storeHandle = Symbol.for('qualpress.formattedCitations');
function forgetFormatted(): void {
  delete (globalThis as Record<symbol, unknown>)[storeHandle];
}

/** formattedOnce's value, failing the test if it had to format (the value was not known). */
function known(kind: string, input: unknown): unknown {
  return formattedOnce(kind, input, () => {
    throw new Error(`${kind} was formatted again`);
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qualpress-citations-'));
  forgetFormatted();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  forgetFormatted();
});

describe('the citation cache', () => {
  it('gives the next process what this one formatted, without formatting again', () => {
    formattedOnce('citations', { title: 'A study' }, () => ({ apaText: 'Doe, J. (2020). A study.' }));
    formattedOnce('inTextCitation', [{ id: 'doe2020' }], () => '(Doe, 2020)');
    saveCitationCache(dir, 'stamp 1');

    forgetFormatted();
    expect(loadCitationCache(dir, 'stamp 1')).toBe(2);
    expect(known('citations', { title: 'A study' })).toEqual({ apaText: 'Doe, J. (2020). A study.' });
    expect(known('inTextCitation', [{ id: 'doe2020' }])).toBe('(Doe, 2020)');
  });

  it('formats a changed work again: values are keyed on their input', () => {
    formattedOnce('citations', { title: 'A study' }, () => 'old');
    saveCitationCache(dir, 'stamp 1');
    forgetFormatted();
    loadCitationCache(dir, 'stamp 1');
    expect(formattedOnce('citations', { title: 'A study, corrected' }, () => 'new')).toBe('new');
  });

  it('keeps only what the last build used', () => {
    formattedOnce('a', 1, () => 'one');
    formattedOnce('b', 2, () => 'two');
    saveCitationCache(dir, 'stamp 1');
    forgetFormatted();
    loadCitationCache(dir, 'stamp 1');
    expect(known('a', 1)).toBe('one');
    saveCitationCache(dir, 'stamp 1');

    forgetFormatted();
    expect(loadCitationCache(dir, 'stamp 1')).toBe(1);
    expect(formattedOnce('b', 2, () => 'formatted again')).toBe('formatted again');
  });

  it('gives nothing formatted by other code, and nothing from a damaged entry', () => {
    formattedOnce('a', 1, () => 'one');
    saveCitationCache(dir, 'stamp 1');
    forgetFormatted();
    expect(loadCitationCache(dir, 'stamp 2')).toBe(0);

    writeFileSync(entryPath(dir, cacheKey('stamp 1', 'citations', null)), 'not an entry');
    expect(loadCitationCache(dir, 'stamp 1')).toBe(0);
    expect(formattedOnce('a', 1, () => 'formatted again')).toBe('formatted again');
  });

  it('is stamped with the citation packages and the citing code', () => {
    const stamp = citationCacheStamp(repoRoot);
    expect(stamp).toMatch(/^@citation-js\/plugin-csl \d+\.\d+\.\d+$/m);
    expect(stamp).toMatch(/^citeproc \d+\.\d+\.\d+$/m);
    expect(stamp).toMatch(/^sources [0-9a-f]{64}$/m);
  });
});
