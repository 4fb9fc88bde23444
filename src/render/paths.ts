/**
 * A link to a page of the site, below the base path taken from `url` in study.yaml, so the
 * same build works served from the root or from a sub-path.
 */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}
