import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { repoRoot, type BuildRun } from './runBuild.ts';

/**
 * The bad-input corpus: tests/fixtures/bad/<case>/ holds only what differs from the valid
 * base study in tests/fixtures/bad/_base/ (a data/ and a content/ folder), plus
 *
 * - `expected.txt`: the exact problem lines the build prints, in order, with `{data}` and
 *   `{content}` standing for the case's copied folders; lines starting "#" are comments.
 * - `recipe.json` (optional): breakage that must not be committed as a file (binary bytes,
 *   other encodings, line ends, a cut-off file, a 1 MB cell), applied after the overlay, so
 *   git and editors cannot "fix" the fixture.
 */
export const badRoot = join(repoRoot, 'tests', 'fixtures', 'bad');
export const baseRoot = join(badRoot, '_base');

export type RecipeStep =
  /** Remove a file of the base study. */
  | { readonly op: 'delete'; readonly path: string }
  /** Write text exactly as given (a file of blank lines, which editors tend to trim). */
  | { readonly op: 'write'; readonly path: string; readonly text: string }
  /** Write these bytes (hex) in place of the file. */
  | { readonly op: 'bytes'; readonly path: string; readonly hex: string }
  /** Keep the file only up to and including the first `after`: a file cut off mid-row or mid-quote. */
  | { readonly op: 'cut'; readonly path: string; readonly after: string }
  /** Insert the bytes (hex) right after the first `after`. */
  | { readonly op: 'insert'; readonly path: string; readonly after: string; readonly hex: string }
  /** Replace `token` by `char` repeated `length` times (a 1 MB cell). */
  | { readonly op: 'fill'; readonly path: string; readonly token: string; readonly char: string; readonly length: number }
  /** Re-encode the text as ISO-8859-1 (Latin-1), as spreadsheet exports often are. */
  | { readonly op: 'latin1'; readonly path: string }
  /** Re-encode the text as UTF-16 little-endian, with or without its byte-order mark. */
  | { readonly op: 'utf16le'; readonly path: string; readonly bom: boolean }
  /** Put a UTF-8 byte-order mark in front of the text. */
  | { readonly op: 'bom'; readonly path: string }
  /** End line n with ends[(n - 1) % ends.length]: "\r\n", "\n" or "\r". */
  | { readonly op: 'lineEnds'; readonly path: string; readonly ends: readonly string[] };

export interface Recipe {
  readonly about?: string;
  readonly steps: readonly RecipeStep[];
}

export interface CaseFolders {
  readonly root: string;
  readonly data: string;
  readonly content: string;
}

/** Every case folder's name, in order (`_base` and other `_` folders are not cases). */
export function badCaseNames(): string[] {
  return readdirSync(badRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
}

/** Copy the base study into `target`, overlay the case's files and apply its recipe. */
export function prepareCase(name: string, target: string): CaseFolders {
  rmSync(target, { recursive: true, force: true });
  cpSync(baseRoot, target, { recursive: true });
  const caseDir = join(badRoot, name);
  for (const folder of ['data', 'content']) {
    if (existsSync(join(caseDir, folder))) cpSync(join(caseDir, folder), join(target, folder), { recursive: true });
  }
  const recipe = recipeOf(name);
  if (recipe) for (const step of recipe.steps) applyStep(target, step);
  return { root: target, data: join(target, 'data'), content: join(target, 'content') };
}

export function recipeOf(name: string): Recipe | undefined {
  const path = join(badRoot, name, 'recipe.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Recipe) : undefined;
}

/** The problem lines a case expects, with its folders filled in. */
export function expectedLines(name: string, folders: CaseFolders): string[] {
  return readFileSync(join(badRoot, name, 'expected.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.replaceAll('{data}', folders.data).replaceAll('{content}', folders.content));
}

function applyStep(root: string, step: RecipeStep): void {
  const path = join(root, step.path);
  const text = () => readFileSync(path, 'utf8');
  const find = (haystack: string, needle: string) => {
    const at = haystack.indexOf(needle);
    // A recipe that no longer matches the base must fail loudly, never break nothing.
    if (at === -1) throw new Error(`recipe ${step.op}: ${JSON.stringify(needle)} not found in ${step.path}`);
    return at + needle.length;
  };
  switch (step.op) {
    case 'delete':
      if (!existsSync(path)) throw new Error(`recipe delete: ${step.path} does not exist`);
      rmSync(path);
      return;
    case 'write':
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, step.text);
      return;
    case 'bytes':
      writeFileSync(path, Buffer.from(step.hex, 'hex'));
      return;
    case 'cut': {
      const original = text();
      writeFileSync(path, original.slice(0, find(original, step.after)));
      return;
    }
    case 'insert': {
      const original = Buffer.from(text(), 'utf8');
      const at = Buffer.byteLength(text().slice(0, find(text(), step.after)), 'utf8');
      writeFileSync(path, Buffer.concat([original.subarray(0, at), Buffer.from(step.hex, 'hex'), original.subarray(at)]));
      return;
    }
    case 'fill': {
      const original = text();
      const at = find(original, step.token);
      writeFileSync(path, original.slice(0, at - step.token.length) + step.char.repeat(step.length) + original.slice(at));
      return;
    }
    case 'latin1': {
      const original = text();
      if ([...original].some((char) => char.codePointAt(0)! > 0xff))
        throw new Error(`recipe latin1: ${step.path} has characters outside Latin-1`);
      if (!/[\u0080-\u00ff]/.test(original))
        throw new Error(`recipe latin1: ${step.path} has no non-ASCII character, so Latin-1 would change nothing`);
      writeFileSync(path, Buffer.from(original, 'latin1'));
      return;
    }
    case 'utf16le':
      writeFileSync(path, Buffer.concat([Buffer.from(step.bom ? [0xff, 0xfe] : []), Buffer.from(text(), 'utf16le')]));
      return;
    case 'bom':
      writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(), 'utf8')]));
      return;
    case 'lineEnds': {
      const lines = text().split('\n');
      const last = lines.pop();
      if (last !== '') throw new Error(`recipe lineEnds: ${step.path} must end with a line end`);
      writeFileSync(path, lines.map((line, index) => line + step.ends[index % step.ends.length]!).join(''));
      return;
    }
  }
}

/** SHA-256 of every file under `dir`, by path relative to it: equal maps mean byte-identical trees. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) hashes.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    else if (entry.isDirectory()) hashes.set(`${relative(dir, path)}/`, 'folder');
  }
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * `runBuild`, but without blocking, so failing builds (which stop before Astro runs) can run
 * side by side. A build still running after `timeoutMs` is killed and reported with status
 * null: bad input must never make the build hang.
 */
export function runBuildAsync(args: readonly string[], timeoutMs = 30_000): Promise<BuildRun> {
  const { QUALPRESS_DATA: _data, QUALPRESS_CONTENT: _content, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'node_modules', '.bin', 'node'), [join(repoRoot, 'src', 'cli', 'build.ts'), '--quiet', ...args], {
      cwd: repoRoot,
      env: { ...env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr })));
  });
}
