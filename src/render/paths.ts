import report from 'virtual:qualpress/report';

/**
 * The base path comes from `url` in study.yaml, read here rather than from Astro's
 * BASE_URL: environment variables of that name (set by test runners and some CI
 * systems) would otherwise move every link.
 */
const base = new URL(report.study.url).pathname.replace(/\/$/, '');

/** A link to a page of the site, below the base path, so the site works from a sub-path. */
export function sitePath(path: string): string {
  return `${base}/${path.replace(/^\//, '')}`;
}
