import type { Author } from '../schemas/study.ts';
import { changelog, type ChangelogChart, type ChangelogRelease } from './changelog.ts';
import { isolate } from './sentence.ts';
import { releasesPaths } from './releaseLinks.ts';
import type { Site } from './site.ts';

/**
 * The report's releases for machines: an Atom feed (RFC 4287) at /releases.xml for feed
 * readers, and /releases.json for scripts. Both list the releases newest first, with absolute
 * addresses, and are rebuilt by every build.
 */

/** `/releases.xml`: one entry per release, its text the release notes and the charts it changed. */
export function releasesAtom(site: Site): string {
  const { study } = site.report;
  const releases = changelog(site);
  const paths = releasesPaths(site);
  const updated = atomDate(releases[0]?.date ?? study.date);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(study.language)}">`,
    `  <id>${xml(site.published(paths.page))}</id>`,
    `  <title>${xml(`${study.title}: releases`)}</title>`,
    `  <subtitle>Every release of the report, with what changed in each.</subtitle>`,
    `  <updated>${updated}</updated>`,
    ...study.authors.map((author) => `  <author><name>${xml(authorName(author))}</name></author>`),
    `  <link rel="self" type="application/atom+xml" href="${xml(site.published(paths.feed))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(site.published(paths.page))}"/>`,
    ...releases.flatMap((release) => {
      const url = xml(site.published(release.path));
      return [
        '  <entry>',
        `    <id>${url}</id>`,
        `    <title>${xml(`Version ${release.version}`)}</title>`,
        `    <updated>${atomDate(release.date)}</updated>`,
        `    <link rel="alternate" type="text/html" href="${url}"/>`,
        `    <summary type="text">${xml(release.notes ?? changeCounts(release))}</summary>`,
        `    <content type="text">${xml(releaseText(release))}</content>`,
        '  </entry>',
      ];
    }),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/**
 * A release in plain text: its notes, DOI and the charts it added, changed and removed, by
 * title (each between Unicode isolates, FSI ... PDI, as data text in a sentence).
 */
export function releaseText(release: ChangelogRelease): string {
  const titles = (charts: readonly ChangelogChart[]) => charts.map((chart) => `“${isolate(chart.title)}”`).join(', ');
  return [
    release.notes,
    release.doi === undefined ? undefined : `DOI: https://doi.org/${release.doi}`,
    release.added.length > 0 ? `New charts: ${titles(release.added)}.` : undefined,
    release.changed.length > 0 ? `Changed charts: ${titles(release.changed)}.` : undefined,
    release.removed.length > 0 ? `Removed charts: ${titles(release.removed)}.` : undefined,
    `${changeCounts(release)}.`,
  ]
    .filter((part) => part !== undefined)
    .join('\n\n');
}

/** "Charts: 2 new, 1 changed, 9 unchanged, 1 removed", leaving out the kinds of change a release has none of. */
export function changeCounts(release: ChangelogRelease): string {
  const counts: [number, string][] = [
    [release.added.length, 'new'],
    [release.changed.length, 'changed'],
    [release.unchanged.length, 'unchanged'],
    [release.removed.length, 'removed'],
  ];
  const parts = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return parts.length === 0 ? 'No charts' : `Charts: ${parts.join(', ')}`;
}

/** `/releases.json`: every release, newest first, with the addresses of its page, its citation files and its charts' versions. */
export function releasesJson(site: Site) {
  const { study } = site.report;
  const paths = releasesPaths(site);
  const url = (path: string) => site.published(path);
  const chart = (entry: ChangelogChart) => ({ id: entry.id, title: entry.title, url: url(entry.path) });
  return {
    report: { id: study.id, title: study.title, url: study.url },
    page: url(paths.page),
    feed: url(paths.feed),
    releases: changelog(site).map((release) => ({
      version: release.version,
      date: release.date,
      notes: release.notes ?? null,
      doi: release.doi ?? null,
      url: url(release.path),
      citation: {
        bibtex: url(release.files.bib),
        ris: url(release.files.ris),
        cslJson: url(release.files.csl),
        cff: url(release.files.cff),
      },
      charts: {
        added: release.added.map(chart),
        changed: release.changed.map(chart),
        unchanged: release.unchanged.map((entry) => ({ ...chart(entry), sameAs: entry.sameAs })),
        removed: release.removed.map(chart),
      },
    })),
  };
}

/** A release day as an Atom date: midnight UTC. */
function atomDate(day: string): string {
  return `${day}T00:00:00Z`;
}

function authorName(author: Author): string {
  return author.literal ?? [author.given, author.family].filter(Boolean).join(' ');
}

/**
 * Text as XML character data or an attribute value: markup characters escaped, and characters
 * XML 1.0 cannot hold at all dropped (the loaders refuse them in study.yaml; this keeps the feed
 * well-formed whatever an older release's manifest holds).
 */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
