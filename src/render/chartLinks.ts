import type { Site } from './site.ts';

/** Every address a chart has, in one place, so pages and tests agree on them. */
export function chartPaths(site: Site, id: string) {
  const page = site.path(`charts/${id}/`);
  return {
    page,
    embed: `${page}embed/`,
    csv: `${page}data.csv`,
    json: `${page}data.json`,
    svg: `${page}chart.svg`,
    png: `${page}chart.png`,
    thumbnail: `${page}thumbnail.png`,
    social: `${page}social.png`,
    bib: `${page}cite.bib`,
    ris: `${page}cite.ris`,
    csl: `${page}cite.json`,
  };
}

/** The absolute, published address of a path on the site (canonical links, citations). */
export function publishedUrl(siteUrl: string, path: string): string {
  return new URL(path, new URL(siteUrl).origin).href;
}
