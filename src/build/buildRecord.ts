import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { z } from 'zod';

/**
 * What the last successful build into an output folder left for the next one: the key of
 * its inputs (build/buildKey.ts), a manifest of the site it wrote, and its summary. When
 * the key is the same and the folder still holds exactly those files, the site is up to
 * date and the build has nothing to do (docs/performance.md, "Rebuilds").
 */
const manifestEntry = z.tuple([z.string(), z.number(), z.number(), z.number()]);
export type ManifestEntry = z.infer<typeof manifestEntry>;

const buildRecordSchema = z.strictObject({
  format: z.literal(1),
  key: z.string(),
  /** Every file of the site: its path with `/`, size, modification time in ms and inode. */
  files: z.array(manifestEntry),
  /** The summary's lines on what was read and used, printed again when nothing changed. */
  summary: z.array(z.string()),
  /** The build's notices (an archive of another study), printed after the summary. */
  notices: z.array(z.string()),
  pages: z.number(),
  charts: z.number(),
  bytes: z.number(),
});
export type BuildRecord = z.infer<typeof buildRecordSchema>;

/** Where the record of the builds into `outDir` is kept, in the build cache. */
export function recordPath(cacheDir: string, outDir: string): string {
  return join(cacheDir, 'builds', `${createHash('sha256').update(outDir).digest('hex').slice(0, 32)}.json`);
}

/** The record, or undefined when there is none or it cannot be read whole: then the build runs. */
export function readRecord(path: string): BuildRecord | undefined {
  try {
    const parsed = buildRecordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Store a record atomically, so a build running beside this one reads it whole or not at all. */
export function writeRecord(path: string, record: BuildRecord): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, JSON.stringify(record));
    renameSync(temporary, path);
  } catch {
    // A record that cannot be written only costs the next build its shortcut.
    rmSync(temporary, { force: true });
  }
}

/** Forget the record before the site it describes is replaced. */
export function removeRecord(path: string): void {
  rmSync(path, { force: true });
}

/**
 * Every file under `dir` with its size, modification time and inode, sorted by path. A
 * folder renamed into place keeps them, so the manifest of the staged site is that of the
 * published one; a file edited, replaced, added or removed afterwards changes it.
 */
export function siteManifest(dir: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) entries.push([name.split(sep).join('/'), stat.size, stat.mtimeMs, stat.ino]);
  }
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Whether `dir` holds exactly the files of the manifest, unchanged. */
export function siteIsIntact(dir: string, files: readonly ManifestEntry[]): boolean {
  let found: ManifestEntry[];
  try {
    found = siteManifest(dir);
  } catch {
    return false;
  }
  return found.length === files.length && found.every((entry, index) => entry.every((value, part) => value === files[index]?.[part]));
}
