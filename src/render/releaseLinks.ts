import type { Site } from './site.ts';

/**
 * Every address of the report's changelog, in one place, so pages, feeds and tests agree on
 * them: the list of releases, its Atom feed and JSON, and one release's page with the report
 * citation files that release froze (`/releases/<version>/cite.bib`, …, written from the archive).
 */
export function releasesPaths(site: Site) {
  return {
    page: site.path('releases/'),
    feed: site.path('releases.xml'),
    json: site.path('releases.json'),
  };
}

/** One release's page and the report's citation files frozen with it. */
export function releasePaths(site: Site, version: string) {
  const page = site.path(`releases/${version}/`);
  return {
    page,
    bib: `${page}cite.bib`,
    ris: `${page}cite.ris`,
    csl: `${page}cite.json`,
    cff: `${page}CITATION.cff`,
  };
}
