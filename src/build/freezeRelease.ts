import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { SiteReport } from '../model/siteReport.ts';
import { chartInputs, storedInputs } from '../releases/chartInputs.ts';
import { storeObject } from '../releases/objectStore.ts';
import type { ReleaseManifest } from '../schemas/release.ts';
import { zenodoJson } from '../cite/zenodoJson.ts';

/** The report's own files that a release keeps at `releases/<version>/`, for citing that version. */
const reportFiles = ['cite.bib', 'cite.ris', 'cite.json', 'CITATION.cff'];

/**
 * Freeze the release this build made into the archive: every file of each new or changed
 * chart's version (`charts/<id>/<version>/…`), the pointer page of each unchanged one, the
 * report's citation files and the stylesheets the frozen pages load, each stored once by its
 * SHA-256, then the manifest, written last so a release is complete or absent. Returns the
 * manifest. The archive is append-only: nothing stored is ever rewritten.
 */
export function freezeRelease(site: string, archiveDir: string, report: SiteReport): ReleaseManifest {
  const { study, releases } = report;
  const version = releases.releasing?.version;
  if (version === undefined) throw new Error('internal: freezeRelease without a release in the making');
  const base = new URL(study.url).pathname.replace(/\/$/, '');
  const store = (path: string) => storeObject(archiveDir, readFileSync(join(site, path)));
  const assets = new Set<string>();

  const charts: ReleaseManifest['charts'] = {};
  for (const chart of report.charts) {
    const entry = releases.charts[chart.id]?.at(-1);
    if (entry?.version !== version) throw new Error(`internal: chart ${chart.id} has no entry for release ${version}`);
    const folder = `charts/${chart.id}/${version}`;
    const files = Object.fromEntries(filesUnder(site, folder).map((path) => [path, store(path)]));
    for (const path of Object.keys(files))
      if (path.endsWith('.html')) for (const asset of assetsOf(readFileSync(join(site, path), 'utf8'), base)) assets.add(asset);
    const inputs = storedInputs(chartInputs(chart, report));
    charts[chart.id] = {
      title: chart.definition.title,
      inputs: storeObject(archiveDir, inputs.text),
      ...(entry.state === 'unchanged' && entry.sameAs !== undefined ? { sameAs: entry.sameAs } : {}),
      files,
    };
  }

  const files: Record<string, string> = {};
  for (const name of reportFiles) files[`releases/${version}/${name}`] = store(name);
  for (const asset of [...assets].sort()) if (existsSync(join(site, asset))) files[asset] = store(asset);

  const manifest: ReleaseManifest = {
    format: 1,
    study: study.id,
    version,
    date: study.date,
    fingerprint: study.fingerprint,
    ...(study.notes === undefined ? {} : { notes: study.notes }),
    ...(study.doi === undefined ? {} : { doi: study.doi }),
    charts,
    files,
  };
  const folder = join(archiveDir, version);
  mkdirSync(folder, { recursive: true });
  // For depositing the release (docs/releases.md): plain files beside the manifest.
  writeFileSync(join(folder, 'CITATION.cff'), readFileSync(join(site, 'CITATION.cff')), { flag: 'wx' });
  writeFileSync(join(folder, '.zenodo.json'), `${JSON.stringify(zenodoJson(study), null, 2)}\n`, { flag: 'wx' });
  const partial = join(folder, `manifest.json.${process.pid}.partial`);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  renameSync(partial, join(folder, 'manifest.json'));
  return manifest;
}

/** Every file below a folder of the site, as site paths with `/` separators. */
function filesUnder(site: string, folder: string): string[] {
  const root = join(site, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(
      (entry) =>
        `${folder}/${join(entry.parentPath, entry.name)
          .slice(root.length + 1)
          .split(sep)
          .join('/')}`,
    )
    .sort();
}

/** The build's hashed assets (`/base/_astro/…`) a page loads, as site paths. */
function assetsOf(html: string, base: string): string[] {
  const prefix = `${base}/_astro/`;
  return [...html.matchAll(/(?:href|src)="([^"]+)"/g)]
    .map((match) => match[1]!)
    .filter((link) => link.startsWith(prefix))
    .map((link) => link.slice(base.length + 1));
}
