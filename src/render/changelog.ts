import type { ChartChanges, ReleaseEntry } from '../model/releases.ts';
import { changeSummary } from './changeSummary.ts';
import { chartPaths, chartVersionsPath } from './chartLinks.ts';
import { releasePaths } from './releaseLinks.ts';
import type { Site } from './site.ts';

/** A chart as one release lists it, with the site path of the page that shows it. */
export interface ChangelogChart {
  readonly id: string;
  readonly title: string;
  /**
   * Its page at that release (`/charts/<id>/<version>/`); for an unchanged chart, that address
   * points to the identical earlier version; for a removed one, the page of all its versions.
   */
  readonly path: string;
  /** For a changed chart: what changed from its previous version, in short lines ("Posts: 120 → 116 (−4)"). */
  readonly changes?: readonly string[];
}

/** One release as the changelog shows it: the archive's entry with the addresses of its pages. */
export interface ChangelogRelease {
  readonly version: string;
  readonly date: string;
  readonly notes?: string;
  readonly doi?: string;
  /** The release's own page, `/releases/<version>/`. */
  readonly path: string;
  /** The report's citation files frozen with the release. */
  readonly files: { readonly bib: string; readonly ris: string; readonly csl: string; readonly cff: string };
  readonly added: readonly ChangelogChart[];
  readonly changed: readonly ChangelogChart[];
  /** `sameAs`: the release whose page the chart's address points to. */
  readonly unchanged: readonly (ChangelogChart & { readonly sameAs: string })[];
  readonly removed: readonly ChangelogChart[];
}

/** Every release of the report, newest first, as the changelog page, feed and JSON list it. */
export function changelog(site: Site): ChangelogRelease[] {
  return [...site.report.releases.releases].reverse().map((release) => changelogRelease(site, release));
}

export function changelogRelease(site: Site, release: ReleaseEntry): ChangelogRelease {
  const { version } = release;
  const { page, ...files } = releasePaths(site, version);
  const versionOf = (id: string) => site.report.releases.charts[id]?.find((entry) => entry.version === version);
  const atVersion = (chart: { id: string; title: string }): ChangelogChart => ({
    id: chart.id,
    title: chart.title,
    path: chartPaths(site, chart.id, version).page,
  });
  return {
    version,
    date: release.date,
    ...(release.notes === undefined ? {} : { notes: release.notes }),
    ...(release.doi === undefined ? {} : { doi: release.doi }),
    path: page,
    files,
    added: release.changed.filter((chart) => chart.isNew).map(atVersion),
    changed: release.changed
      .filter((chart) => !chart.isNew)
      .map((chart) => {
        const changes = versionOf(chart.id)?.changes;
        return { ...atVersion(chart), ...(changes === undefined ? {} : { changes: changeLines(site, chart.id, changes) }) };
      }),
    unchanged: release.unchanged.map((id) => {
      const entry = versionOf(id);
      return { ...atVersion({ id, title: entry?.title ?? id }), sameAs: entry?.sameAs ?? version };
    }),
    removed: release.removed.map((chart) => ({ id: chart.id, title: chart.title, path: chartVersionsPath(site, chart.id) })),
  };
}

/** A changed chart's n, title and definition changes, and how many of its counts moved. */
function changeLines(site: Site, id: string, changes: ChartChanges): string[] {
  const chart = site.report.charts.find((candidate) => candidate.id === id);
  // A chart since removed from the report has no dataset in this build to name its units.
  const unitNoun = chart ? site.dataset(chart.dataset).unit[1] : 'units';
  const summary = changeSummary(changes, unitNoun, site.language);
  if (summary.none) return [`Nothing changed from version ${summary.from}.`];
  const moved = summary.rows.length;
  return [
    ...summary.n,
    ...(summary.title === undefined ? [] : [summary.title]),
    ...(summary.definition === undefined ? [] : [summary.definition]),
    ...(moved === 0 ? [] : [`${moved} ${moved === 1 ? 'row' : 'rows'} of its table changed`]),
  ];
}

/** What this build shows that its newest release does not: charts new or changed since, and charts removed since. */
export interface Unreleased {
  readonly since: string;
  /** Live chart pages (`/charts/<id>/`). */
  readonly added: readonly ChangelogChart[];
  readonly changed: readonly ChangelogChart[];
  /** The pages of all their versions. */
  readonly removed: readonly ChangelogChart[];
}

/**
 * The changes not released yet, against the newest release; undefined when there is no
 * release, when this build makes one, or when nothing changed.
 */
export function unreleased(site: Site): Unreleased | undefined {
  const { releases, charts } = site.report;
  const newest = releases.releases.at(-1);
  if (newest === undefined || releases.releasing) return undefined;
  const live = (chart: { id: string; title: string }): ChangelogChart => ({ ...chart, path: chartPaths(site, chart.id).page });
  const notReleased = charts.filter((chart) => releases.current[chart.id]?.released !== true);
  const added = notReleased.filter((chart) => releases.current[chart.id]?.since === undefined);
  const changed = notReleased.filter((chart) => releases.current[chart.id]?.since !== undefined);
  const ids = new Set(charts.map((chart) => chart.id));
  const held = [...newest.changed.map((chart) => ({ id: chart.id, title: chart.title }))].concat(
    newest.unchanged.map((id) => ({ id, title: releases.charts[id]?.find((entry) => entry.version === newest.version)?.title ?? id })),
  );
  const removed = held.filter((chart) => !ids.has(chart.id)).map((chart) => ({ ...chart, path: chartVersionsPath(site, chart.id) }));
  if (added.length + changed.length + removed.length === 0) return undefined;
  const asChart = (chart: (typeof charts)[number]) => live({ id: chart.id, title: chart.definition.title });
  return { since: newest.version, added: added.map(asChart), changed: changed.map(asChart), removed };
}

/** Release notes as paragraphs: split at blank lines, as written in study.yaml. */
export function paragraphs(notes: string | undefined): string[] {
  return (notes ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
