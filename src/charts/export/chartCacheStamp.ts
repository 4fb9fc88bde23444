import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** The packages a drawing's bytes depend on: the plotting library and its DOM, the rasteriser and the font. */
export const renderingPackages = [
  '@observablehq/plot',
  'd3',
  'linkedom',
  '@resvg/resvg-js',
  '@expo-google-fonts/atkinson-hyperlegible',
] as const;

/**
 * qualpress's own code that decides what a chart looks like: all of `src/charts/` (kinds,
 * theme, drawing, exports), number formatting, and the module that writes the chart files
 * (the text under a downloaded chart).
 */
export const renderingSources = ['src/charts', 'src/format', 'src/render/chartFiles.ts'] as const;

/** A package's version, read from the package.json above its entry point (some packages do not export their package.json). */
export function packageVersion(name: string, from: string): string {
  const require = createRequire(join(from, 'package.json'));
  let folder = dirname(require.resolve(name));
  for (;;) {
    try {
      const found = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (found.name === name && found.version) return found.version;
    } catch {
      // No package.json at this level: look further up.
    }
    const parent = dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}

/** qualpress's own version, from the package.json at root: part of every cache's stamp. */
export function projectVersion(root: string): string {
  const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return project.version ?? 'unknown';
}

/** SHA-256 over the paths and contents of the given files and folders under root, in a fixed order. */
export function sourceHash(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = join(root, path);
    let files: string[];
    try {
      files = readdirSync(full, { recursive: true, encoding: 'utf8' }).map((name) => join(full, name));
    } catch {
      files = [full];
    }
    for (const file of files.sort()) {
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        continue; // a folder
      }
      hash.update(relative(root, file)).update('\0').update(content).update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * What every cache key covers besides the drawing's own material: the versions of the
 * rendering packages and of qualpress, and a hash of the code that draws. Upgrading Plot,
 * resvg or the font, or editing a chart kind, makes every entry a miss.
 */
export function chartCacheStamp(root: string): string {
  const parts = [
    'qualpress-chart-cache 1',
    `qualpress ${projectVersion(root)}`,
    ...renderingPackages.map((name) => `${name} ${packageVersion(name, root)}`),
    `sources ${sourceHash(root, renderingSources)}`,
  ];
  return parts.join('\n');
}
