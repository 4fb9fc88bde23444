import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storedInputs, type ChartInputs } from '../../../src/releases/chartInputs.ts';
import { storeObject } from '../../../src/releases/objectStore.ts';
import { releaseHistory, type HistoryReport } from '../../../src/releases/releaseHistory.ts';
import type { ReleaseManifest } from '../../../src/schemas/release.ts';

const archive = mkdtempSync(join(tmpdir(), 'qualpress-history-'));
afterAll(() => rmSync(archive, { recursive: true, force: true }));

function stored(title: string, n: number): string {
  const inputs: ChartInputs = {
    definition: { kind: 'distribution', dimension: 'theme', title, notes: [] },
    table: { columns: [{ key: 'label', label: 'Code', type: 'text' }, { key: 'n', label: 'Posts', type: 'count' }], rows: [{ label: 'Tools', n }], n: { units: n, participants: 2 } },
    codebook: [],
    citation: { report: 'R', authors: [], license: 'CC0-1.0' },
  };
  return storeObject(archive, storedInputs(inputs).text);
}

function release(version: string, charts: Record<string, { title: string; inputs: string; sameAs?: string }>): ReleaseManifest {
  return {
    format: 1,
    study: 'study',
    version,
    date: `2026-0${version[2]}-01`,
    fingerprint: '0'.repeat(64),
    charts: Object.fromEntries(Object.entries(charts).map(([id, chart]) => [id, { ...chart, files: {} }])),
    files: {},
  };
}

// No chart in this build: only the archive's history is looked at.
const report: HistoryReport = { charts: [], dimensions: [], study: { title: 'R', authors: [], license: 'CC0-1.0' } };

describe('the release history', () => {
  const releases = [
    release('1.1.0', { a: { title: 'A', inputs: stored('A', 5) }, b: { title: 'B', inputs: stored('B', 3) } }),
    release('1.2.0', { a: { title: 'A', inputs: stored('A', 6) }, b: { title: 'B', inputs: stored('B', 3), sameAs: '1.1.0' } }),
    release('1.3.0', { a: { title: 'A', inputs: stored('A', 6), sameAs: '1.2.0' } }),
  ];
  const history = releaseHistory({ dir: archive, releases }, releases, report);

  it('gives each chart its versions: new, changed (with what changed), unchanged (pointing to the original) and removed', () => {
    expect(history.charts.a!.map((version) => [version.version, version.state, version.sameAs])).toEqual([
      ['1.1.0', 'new', undefined],
      ['1.2.0', 'changed', undefined],
      ['1.3.0', 'unchanged', '1.2.0'],
    ]);
    expect(history.charts.a![1]!.changes!.n.units).toEqual({ before: 5, after: 6 });
    expect(history.charts.b!.map((version) => [version.version, version.state, version.sameAs])).toEqual([
      ['1.1.0', 'new', undefined],
      ['1.2.0', 'unchanged', '1.1.0'],
      ['1.3.0', 'removed', undefined],
    ]);
  });

  it('lists for each release the charts it changed, left unchanged and removed', () => {
    expect(history.releases.map((entry) => [entry.version, entry.changed.map((chart) => chart.id), entry.unchanged, entry.removed.map((chart) => chart.id)])).toEqual([
      ['1.1.0', ['a', 'b'], [], []],
      ['1.2.0', ['a'], ['b'], []],
      ['1.3.0', [], ['a'], ['b']],
    ]);
  });
});
