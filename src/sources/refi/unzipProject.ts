import { Inflate } from 'fflate';
import { quoted, type Problem } from '../../problems/problem.ts';

/** The default cap on the bytes a project may unpack to: far above any real project, far below a zip bomb. */
export const defaultMaxUnpackedBytes = 1024 ** 3;

/** A `.qdpx` zip whose entries are listed at once and unpacked only when asked for. */
export interface ProjectZip {
  /** Entry names as stored (folders left out), after the check that none climbs out of the zip. */
  readonly entries: readonly string[];
  /** The entry's bytes, or undefined after pushing a problem (damaged, or over the cap). */
  read(entry: string, problems: Problem[]): Uint8Array | undefined;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeader: number;
}

const endOfCentralDirectory = 0x06054b50;
const zip64Locator = 0x07064b50;
const zip64EndOfCentralDirectory = 0x06064b50;
const centralEntry = 0x02014b50;
const localEntry = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: what one step can unpack stays bounded. */
const inflateStep = 16 * 1024;

/**
 * Open a zip from its central directory. Nothing is unpacked here; `read` counts every
 * byte it inflates against `maxUnpackedBytes`, so a zip bomb stops at the cap however small
 * its entries claim to be. Entry names that climb out of the zip (`../x`, `/etc/x`, `C:\x`)
 * refuse the whole file, even though nothing is written to disk: a tool that made one is not
 * to be trusted.
 */
export function unzipProject(bytes: Uint8Array, shown: string, maxUnpackedBytes: number, problems: Problem[]): ProjectZip | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = centralDirectory(view);
  if (typeof directory === 'string') {
    problems.push({ file: shown, message: `expected a complete zip file; found ${directory}` });
    return undefined;
  }
  const entries = readCentralEntries(view, bytes, directory);
  if (typeof entries === 'string') {
    problems.push({ file: shown, message: `expected a complete zip file; found ${entries}` });
    return undefined;
  }
  const before = problems.length;
  for (const entry of entries) {
    if (climbsOut(entry.name)) {
      problems.push({ file: shown, message: `expected zip entries that stay inside the project; found an entry named ${quoted(entry.name)}` });
    }
  }
  if (problems.length > before) return undefined;

  const byName = new Map(entries.filter((entry) => !entry.name.endsWith('/')).map((entry) => [entry.name, entry] as const));
  let unpacked = 0;
  return {
    entries: [...byName.keys()],
    read(name, readProblems) {
      const entry = byName.get(name);
      if (!entry) throw new Error(`internal: no zip entry ${name}`);
      const file = `${shown}/${name}`;
      const data = localData(view, bytes, entry);
      if (typeof data === 'string') {
        readProblems.push({ file, message: `expected a readable zip entry; found ${data}` });
        return undefined;
      }
      const inflated = inflateCapped(data, entry.method, maxUnpackedBytes - unpacked);
      if (inflated === 'over') {
        readProblems.push({
          file: shown,
          message: `expected at most ${byteCount(maxUnpackedBytes)} once unpacked; found more while unpacking ${quoted(name)} (a damaged zip or a zip bomb)`,
        });
        return undefined;
      }
      if (typeof inflated === 'string') {
        readProblems.push({ file, message: `expected a readable zip entry; found ${inflated}` });
        return undefined;
      }
      unpacked += inflated.length;
      if (inflated.length !== entry.size) {
        readProblems.push({ file, message: `expected ${entry.size} bytes, as the zip declares; found ${inflated.length} (the zip is damaged)` });
        return undefined;
      }
      return inflated;
    },
  };
}

/** Absolute, drive-letter or parent-folder paths, with either slash. */
function climbsOut(name: string): boolean {
  const path = name.replaceAll('\\', '/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return true;
  return path.split('/').some((segment) => segment === '..');
}

interface Directory {
  readonly offset: number;
  readonly size: number;
  readonly count: number;
}

function centralDirectory(view: DataView): Directory | string {
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== endOfCentralDirectory) continue;
    const count = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    if (count !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { offset, size, count };
    return zip64Directory(view, at) ?? 'a ZIP64 end record that cannot be read';
  }
  return 'no central directory at its end (the file is cut short or is not a zip)';
}

function zip64Directory(view: DataView, endRecord: number): Directory | undefined {
  const locator = endRecord - 20;
  if (locator < 0 || view.getUint32(locator, true) !== zip64Locator) return undefined;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== zip64EndOfCentralDirectory) return undefined;
  return {
    count: Number(view.getBigUint64(record + 32, true)),
    size: Number(view.getBigUint64(record + 40, true)),
    offset: Number(view.getBigUint64(record + 48, true)),
  };
}

const names = new TextDecoder('utf-8');

function readCentralEntries(view: DataView, bytes: Uint8Array, directory: Directory): ZipEntry[] | string {
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let index = 0; index < directory.count; index++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== centralEntry) return `a damaged central directory (entry ${index + 1})`;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > view.byteLength) return `a damaged central directory (entry ${index + 1})`;
    const sizes = {
      size: view.getUint32(at + 24, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeader: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, at + 46 + nameLength, extraLength, sizes);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      ...sizes,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A ZIP64 extra field holds, in this order, whichever of the three values is 0xFFFFFFFF. */
function applyZip64Extra(view: DataView, start: number, length: number, sizes: { size: number; compressedSize: number; localHeader: number }): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const fieldLength = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let next = at + 4;
      for (const key of ['size', 'compressedSize', 'localHeader'] as const) {
        if (sizes[key] !== 0xffffffff || next + 8 > at + 4 + fieldLength) continue;
        sizes[key] = Number(view.getBigUint64(next, true));
        next += 8;
      }
      return;
    }
    at += 4 + fieldLength;
  }
}

function localData(view: DataView, bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  if (entry.encrypted) return 'an encrypted entry';
  const at = entry.localHeader;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== localEntry) return 'a damaged local header';
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > view.byteLength) return 'an entry cut short';
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflate, stopping as soon as the output passes `budget` bytes; 'over' then, or why it cannot be read. */
function inflateCapped(data: Uint8Array, method: number, budget: number): Uint8Array | string {
  if (method === 0) return data.length > budget ? 'over' : data;
  if (method !== 8) return `compression method ${method} (only stored and deflated entries can be read)`;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= budget) chunks.push(chunk);
  });
  try {
    for (let at = 0; total <= budget; at += inflateStep) {
      const final = at + inflateStep >= data.length;
      inflater.push(data.subarray(at, at + inflateStep), final);
      if (final) break;
    }
  } catch {
    return 'data that does not inflate (the zip is damaged)';
  }
  if (total > budget) return 'over';
  return concatenate(chunks, total);
}

function concatenate(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** `1 GiB`, `64 KiB`, or a plain byte count, for the cap in messages. */
function byteCount(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}
