import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { objectPath } from '../releases/objectStore.ts';
import type { ReleaseManifest } from '../schemas/release.ts';

/**
 * Put every file of every release into the site, byte for byte as released, from the archive
 * alone: a fresh clone with none of the old data still publishes every old version. Returns
 * the site paths of the versions' pages, for the sitemap.
 */
export function publishArchive(site: string, archiveDir: string, releases: readonly ReleaseManifest[]): string[] {
  const pages: string[] = [];
  for (const release of releases) {
    publishFiles(site, archiveDir, [
      ...Object.values(release.charts).flatMap((chart) => Object.entries(chart.files)),
      ...Object.entries(release.files),
    ]);
    for (const [id, chart] of Object.entries(release.charts))
      if (chart.sameAs === undefined) pages.push(`charts/${id}/${release.version}/`);
  }
  return pages;
}

/**
 * Copied by the system, not read into memory and written out, and each folder made once: an
 * archive of a few versions is hundreds of files, published again by every build.
 */
function publishFiles(site: string, archiveDir: string, files: readonly (readonly [path: string, hash: string])[]): void {
  const made = new Set<string>();
  for (const [path, hash] of files) {
    const target = join(site, path);
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    copyFileSync(objectPath(archiveDir, hash), target);
  }
}

/** Add pages to the sitemap Astro wrote (`sitemap-0.xml`), as absolute addresses. */
export function addToSitemap(site: string, siteUrl: string, pages: readonly string[]): void {
  const file = join(site, 'sitemap-0.xml');
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const entries = pages.map((page) => `<url><loc>${escapeXml(new URL(page, base).href)}</loc></url>`).join('');
  const xml = readFileSync(file, 'utf8');
  writeFileSync(file, xml.replace('</urlset>', `${entries}</urlset>`));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
