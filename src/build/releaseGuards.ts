import type { Origin } from '../model/study.ts';
import type { Problem } from '../problems/problem.ts';
import { chartInputs, storedInputs } from '../releases/chartInputs.ts';
import type { ReportBeforeReleases } from '../releases/releaseHistory.ts';
import { compareVersions } from '../releases/versionOrder.ts';
import { releaseVersion, type ReleaseManifest } from '../schemas/release.ts';

export type ReleaseCheck = { readonly kind: 'new' } | { readonly kind: 'same'; readonly version: string };

/**
 * The checks before `npm run release` writes anything: the version is a plain release number,
 * newer than the newest release, or exactly an existing release made again (then there is
 * nothing to do). A version that exists with other content must be bumped.
 */
export function checkRelease(
  report: ReportBeforeReleases,
  releases: readonly ReleaseManifest[],
  versionAt: Origin,
  problems: Problem[],
): ReleaseCheck {
  const version = report.study.version;
  const at = { ...versionAt, field: 'version' };
  if (!releaseVersion.safeParse(version).success) {
    problems.push({ ...at, message: `expected a release version such as 1.2.0 (numbers only); found "${version}"` });
    return { kind: 'new' };
  }
  const existing = releases.find((release) => release.version === version);
  if (existing) {
    if (sameContent(existing, report)) return { kind: 'same', version };
    problems.push({
      ...at,
      message: `expected a new version for a release whose content differs from release ${version} (bump version in study.yaml); found ${version}, already released`,
    });
    return { kind: 'new' };
  }
  const newest = releases.at(-1);
  if (newest && compareVersions(version, newest.version) <= 0) {
    problems.push({ ...at, message: `expected a version newer than ${newest.version}, the newest release; found ${version}` });
  }
  return { kind: 'new' };
}

/** The same charts with the same inputs, and the same data, date, notes and DOI. */
function sameContent(release: ReleaseManifest, report: ReportBeforeReleases): boolean {
  const { study } = report;
  if (
    release.date !== study.date ||
    release.fingerprint !== study.fingerprint ||
    release.notes !== study.notes ||
    release.doi !== study.doi
  )
    return false;
  const ids = Object.keys(release.charts).sort();
  if (
    ids.join('\n') !==
    report.charts
      .map((chart) => chart.id)
      .sort()
      .join('\n')
  )
    return false;
  return report.charts.every((chart) => release.charts[chart.id]?.inputs === storedInputs(chartInputs(chart, report)).hash);
}
