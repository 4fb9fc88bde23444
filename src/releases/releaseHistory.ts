import type { ChartReport } from '../model/chartReport.ts';
import type { ChartVersion, CurrentChart, ReleaseEntry, ReleaseHistory } from '../model/releases.ts';
import type { SiteReport } from '../model/siteReport.ts';
import type { ReleaseManifest } from '../schemas/release.ts';
import type { Archive } from './archive.ts';
import { chartChanges } from './chartChanges.ts';
import { chartInputs, storedInputs, type ChartInputs } from './chartInputs.ts';
import { readObject } from './objectStore.ts';

/** A report before its release history is added: what the history is computed against. */
export type ReportBeforeReleases = Omit<SiteReport, 'releases'>;

/** What the history compares the archive with: this build's charts, and what they are cited with. */
export interface HistoryReport {
  readonly charts: readonly ChartReport[];
  readonly dimensions: ReportBeforeReleases['dimensions'];
  readonly study: Pick<ReportBeforeReleases['study'], 'title' | 'authors' | 'license' | 'notes' | 'doi'>;
}

/** What this build releases: its version and date, as study.yaml gives them. */
export interface Releasing {
  readonly version: string;
  readonly date: string;
}

/**
 * Every release of the study and every version of every chart, with what changed from one
 * version to the next, computed from the inputs stored with each release; and, for each chart
 * of this build, how it stands against its newest release. With `releasing`, the release this
 * build makes is the newest entry.
 */
export function releaseHistory(archive: Archive, releases: readonly ReleaseManifest[], report: HistoryReport, releasing?: Releasing): ReleaseHistory {
  const inputsOf = memoInputs(archive.dir);
  const current = new Map(report.charts.map((chart) => [chart.id, currentInputs(chart, report)] as const));
  const entries: ReleaseEntry[] = [];
  const charts = new Map<string, ChartVersion[]>();
  /** Chart id -> its inputs and version in the newest release so far. */
  const latest = new Map<string, { version: string; inputs: ChartInputs; hash: string; title: string }>();

  const record = (release: { version: string; date: string; notes?: string | undefined; doi?: string | undefined }, held: readonly { id: string; title: string; hash: string; inputs: ChartInputs }[]) => {
    const entry: { changed: ReleaseEntry['changed'][number][]; unchanged: string[]; removed: ReleaseEntry['removed'][number][] } = { changed: [], unchanged: [], removed: [] };
    const doi = release.doi === undefined ? {} : { doi: release.doi };
    for (const chart of held) {
      const previous = latest.get(chart.id);
      const versions = charts.get(chart.id) ?? [];
      charts.set(chart.id, versions);
      if (!previous) {
        versions.push({ version: release.version, date: release.date, title: chart.title, state: 'new', ...doi });
        entry.changed.push({ id: chart.id, title: chart.title, isNew: true });
      } else if (previous.hash === chart.hash) {
        const sameAs = versions.findLast((version) => version.state !== 'unchanged' && version.state !== 'removed')?.version ?? previous.version;
        versions.push({ version: release.version, date: release.date, title: chart.title, state: 'unchanged', sameAs, ...doi });
        entry.unchanged.push(chart.id);
      } else {
        versions.push({ version: release.version, date: release.date, title: chart.title, state: 'changed', changes: chartChanges(previous.version, previous.inputs, chart.inputs), ...doi });
        entry.changed.push({ id: chart.id, title: chart.title, isNew: false });
      }
      latest.set(chart.id, { version: release.version, inputs: chart.inputs, hash: chart.hash, title: chart.title });
    }
    const heldIds = new Set(held.map((chart) => chart.id));
    for (const [id, previous] of latest) {
      if (heldIds.has(id)) continue;
      charts.get(id)?.push({ version: release.version, date: release.date, title: previous.title, state: 'removed' });
      entry.removed.push({ id, title: previous.title });
      latest.delete(id);
    }
    entries.push({ version: release.version, date: release.date, ...(release.notes === undefined ? {} : { notes: release.notes }), ...doi, ...entry });
  };

  for (const release of releases) {
    record(
      release,
      Object.entries(release.charts).map(([id, chart]) => ({ id, title: chart.title, hash: chart.inputs, inputs: inputsOf(chart.inputs) })),
    );
  }
  if (releasing) {
    const { notes, doi } = report.study;
    record(
      { ...releasing, ...(notes === undefined ? {} : { notes }), ...(doi === undefined ? {} : { doi }) },
      report.charts.map((chart) => ({ id: chart.id, title: chart.definition.title, ...current.get(chart.id)! })),
    );
  }

  const standing: Record<string, CurrentChart> = {};
  for (const chart of report.charts) {
    const newest = latest.get(chart.id);
    const mine = current.get(chart.id)!;
    if (!newest) standing[chart.id] = { released: false };
    else if (newest.hash === mine.hash) standing[chart.id] = { since: newest.version, released: true };
    else standing[chart.id] = { since: newest.version, released: false, changes: chartChanges(newest.version, newest.inputs, mine.inputs) };
  }
  return { releases: entries, charts: Object.fromEntries(charts), current: standing, ...(releasing ? { releasing } : {}) };
}

function currentInputs(chart: ChartReport, report: HistoryReport): { inputs: ChartInputs; hash: string } {
  const inputs = chartInputs(chart, report);
  return { inputs, hash: storedInputs(inputs).hash };
}

function memoInputs(dir: string): (hash: string) => ChartInputs {
  const cache = new Map<string, ChartInputs>();
  return (hash) => {
    let inputs = cache.get(hash);
    if (!inputs) {
      inputs = JSON.parse(readObject(dir, hash).toString('utf8')) as ChartInputs;
      cache.set(hash, inputs);
    }
    return inputs;
  };
}
