import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../problems/problem.ts';
import { releaseManifest, type ReleaseManifest } from '../schemas/release.ts';
import { sha256 } from './chartInputs.ts';
import { objectPath } from './objectStore.ts';
import { compareVersions } from './versionOrder.ts';

/** The release archive (`releases/`): each release's manifest, oldest first. */
export interface Archive {
  readonly dir: string;
  readonly releases: readonly ReleaseManifest[];
}

/**
 * Read every manifest in the archive and check every file it lists against its SHA-256.
 * A release is an archive: a file that differs from what was released (changed by hand, cut
 * short, missing) is a problem naming the file, and nothing is built from it.
 */
export function readArchive(dir: string, problems: Problem[], cwd = process.cwd()): Archive {
  if (!existsSync(dir)) return { dir, releases: [] };
  const shown = (path: string) => {
    const relativePath = relative(cwd, path);
    return relativePath.startsWith('..') ? path : relativePath;
  };
  const releases: ReleaseManifest[] = [];
  const checked = new Set<string>();
  const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'objects');
  for (const folder of folders) {
    const file = join(dir, folder.name, 'manifest.json');
    if (!existsSync(file)) {
      problems.push({ file: shown(join(dir, folder.name)), message: 'expected a release folder with its manifest.json; found none' });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ file: shown(file), message: `expected the manifest as released; found JSON that cannot be read (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    const manifest = releaseManifest.safeParse(parsed);
    if (!manifest.success) {
      problems.push({ file: shown(file), message: `expected the manifest as released; found one that was changed (${manifest.error.issues[0]?.message ?? 'not a manifest'})` });
      continue;
    }
    if (manifest.data.version !== folder.name) {
      problems.push({ file: shown(file), field: 'version', message: `expected version ${folder.name}, as the folder is named; found ${manifest.data.version}` });
      continue;
    }
    const listed: [string, string][] = [
      ...Object.entries(manifest.data.files),
      ...Object.entries(manifest.data.charts).flatMap(([id, chart]): [string, string][] => [[`the inputs of chart ${id}`, chart.inputs], ...Object.entries(chart.files)]),
    ];
    for (const [what, hash] of listed) {
      if (checked.has(hash)) continue;
      checked.add(hash);
      const path = objectPath(dir, hash);
      if (!existsSync(path)) {
        problems.push({ file: shown(path), message: `expected ${what} of release ${manifest.data.version}; found no such file (the archive is incomplete)` });
      } else if (sha256(readFileSync(path)) !== hash) {
        problems.push({ file: shown(path), message: `expected ${what} of release ${manifest.data.version} as released; found other content: a released file was changed by hand` });
      }
    }
    releases.push(manifest.data);
  }
  releases.sort((a, b) => compareVersions(a.version, b.version));
  return { dir, releases };
}
