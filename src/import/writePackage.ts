import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Why the import may not write into `dir`, in one line for the user, or undefined when it
 * may. A whole package goes only into a new or empty folder; a codebook only where there is
 * no codebook.yaml yet. `--force` lifts both.
 */
export function refusalToWrite(dir: string, shownDir: string, names: readonly string[], force: boolean): string | undefined {
  if (existsSync(dir) && !statSync(dir).isDirectory()) return `${shownDir} is a file: name a folder to import into (--out DIR).`;
  if (force || !existsSync(dir)) return undefined;
  if (names.length === 1) {
    const [name] = names;
    return name !== undefined && existsSync(join(dir, name))
      ? `${join(shownDir, name)} already exists: add --force to replace it, or import into another folder (--out DIR).`
      : undefined;
  }
  return readdirSync(dir).length > 0
    ? `${shownDir}/ is not empty: import into a new or empty folder (--out DIR), or add --force to replace the files an import writes there.`
    : undefined;
}

/**
 * Write the files into `dir` so that a failure never leaves half a package: every file is
 * written into a staging folder beside `dir` first, then moved in by renames. A new or empty
 * `dir` is the staging folder renamed; into a folder that has files (`--force`), each file
 * is moved over its old version, and the old versions come back if a move fails. Files of
 * an earlier import this one does not write (`stale`) are removed; nothing else is touched.
 */
export function writePackage(dir: string, files: ReadonlyMap<string, string>, stale: readonly string[] = []): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(dir)}.importing-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [name, text] of files) {
      mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeFileSync(join(staging, name), text);
    }
    if (!existsSync(dir) || readdirSync(dir).length === 0) {
      if (existsSync(dir)) rmdirSync(dir);
      renameSync(staging, dir);
      return;
    }
    moveIntoPlace(staging, dir, [...files.keys()], stale);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function moveIntoPlace(staging: string, dir: string, names: readonly string[], stale: readonly string[]): void {
  const previous = `${staging}.previous`;
  const moved: { name: string; replaced: boolean; written: boolean }[] = [];
  try {
    for (const name of [...names, ...stale.filter((name) => !names.includes(name))]) {
      const target = join(dir, name);
      const replaced = existsSync(target);
      if (replaced) {
        mkdirSync(dirname(join(previous, name)), { recursive: true });
        renameSync(target, join(previous, name));
      }
      const written = names.includes(name);
      moved.push({ name, replaced, written });
      if (written) {
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(staging, name), target);
      }
    }
  } catch (error) {
    for (const { name, replaced, written } of moved.reverse()) {
      if (written) rmSync(join(dir, name), { force: true });
      if (replaced) renameSync(join(previous, name), join(dir, name));
    }
    throw error;
  } finally {
    rmSync(previous, { recursive: true, force: true });
  }
}
