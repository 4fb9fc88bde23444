import type { Site } from './site.ts';

/**
 * Every address a chart has, in one place, so pages and tests agree on them: the live page
 * (`/charts/<id>/`) or, with a version, the frozen one (`/charts/<id>/<version>/`).
 */
export function chartPaths(site: Site, id: string, version?: string) {
  const page = site.path(version === undefined ? `charts/${id}/` : `charts/${id}/${version}/`);
  return {
    page,
    embed: `${page}embed/`,
    csv: `${page}data.csv`,
    json: `${page}data.json`,
    svg: `${page}chart.svg`,
    png: `${page}chart.png`,
    // The chart index shows the chart's own SVG file: light, sharp at any size, and no
    // raster to draw (releases made before it kept a thumbnail.png, published as they were).
    thumbnail: `${page}chart.svg`,
    social: `${page}social.png`,
    bib: `${page}cite.bib`,
    ris: `${page}cite.ris`,
    csl: `${page}cite.json`,
  };
}

/** The page listing every version of a chart, rebuilt by every build. */
export function chartVersionsPath(site: Site, id: string): string {
  return site.path(`charts/${id}/versions/`);
}

/** The absolute, published address of a path on the site (canonical links, citations). */
export function publishedUrl(siteUrl: string, path: string): string {
  return new URL(path, new URL(siteUrl).origin).href;
}
