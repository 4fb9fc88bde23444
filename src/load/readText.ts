import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Problem } from '../problems/problem.ts';

export type TextResult = { ok: true; text: string } | { ok: false; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Read a study file as UTF-8 text. A byte-order mark is accepted and removed; empty,
 * binary and non-UTF-8 files (often Latin-1 exports from spreadsheet tools) are problems.
 */
export function readText(absolutePath: string, shownPath: string): TextResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : `it could not be read (${code})`;
    return { ok: false, problem: { file: shownPath, message: `expected a readable file; found ${found}` } };
  }
  return decodeText(bytes, shownPath);
}

/** Thrown by a file's chunks when its bytes have a problem: read it whole (readText) for the exact problem. */
export class WholeFileNeeded extends Error {
  constructor() {
    super('internal: the file has a problem only a whole reading places');
    this.name = 'WholeFileNeeded';
  }
}

export type ChunksResult = { ok: true; chunks: Iterable<string> } | { ok: false; problem: Problem };

/** 16 MB of a file at a time: big enough that a read costs nothing, small enough to be no one's memory problem. */
const chunkBytes = 16 * 1024 * 1024;

/**
 * Read a study file as UTF-8 text piece by piece, for files too big to hold as one string
 * (a JavaScript string stops at about 512 million characters). `onBytes` sees every byte
 * of the text (a byte-order mark removed), for the fingerprint. A file readText would
 * refuse (empty, binary, not UTF-8, a control character) ends its chunks by throwing
 * WholeFileNeeded, so the caller can read it whole with readText and report exactly what
 * and where the first problem is, as for any other file.
 */
export function readTextChunks(
  absolutePath: string,
  shownPath: string,
  onBytes: (bytes: Uint8Array) => void,
  bytesPerChunk = chunkBytes,
): ChunksResult {
  let fd: number;
  try {
    fd = openSync(absolutePath, 'r');
  } catch {
    // The same "expected a readable file" problem readText gives.
    const read = readText(absolutePath, shownPath);
    return read.ok ? { ok: true, chunks: [read.text] } : read;
  }
  function* chunks(): Generator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.allocUnsafe(bytesPerChunk);
    let first = true;
    // The byte-order mark TextDecoder drops is left out of the bytes too, however small the pieces.
    const start = Buffer.alloc(3);
    let bomLeft = readSync(fd, start, 0, 3, 0) === 3 && start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
    try {
      for (let read = readSync(fd, buffer, 0, bytesPerChunk, null); read > 0; read = readSync(fd, buffer, 0, bytesPerChunk, null)) {
        const bytes = buffer.subarray(0, read);
        if (bytes.indexOf(0) !== -1) throw new WholeFileNeeded();
        let text: string;
        try {
          text = decoder.decode(bytes, { stream: true });
        } catch {
          throw new WholeFileNeeded();
        }
        if (notXmlCharacter.test(text)) throw new WholeFileNeeded();
        const skip = Math.min(bomLeft, bytes.length);
        bomLeft -= skip;
        onBytes(bytes.subarray(skip));
        first = false;
        yield text;
      }
      if (first) throw new WholeFileNeeded(); // an empty file
      let rest: string;
      try {
        rest = decoder.decode();
      } catch {
        throw new WholeFileNeeded();
      }
      if (rest !== '') yield rest;
    } finally {
      closeSync(fd);
    }
  }
  return { ok: true, chunks: chunks() };
}

export function decodeText(bytes: Uint8Array, shownPath: string): TextResult {
  if (bytes.length === 0) return { ok: false, problem: { file: shownPath, message: 'expected content; found an empty file' } };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      problem: {
        file: shownPath,
        line: lineAt(bytes, nul),
        message: 'expected text; found a NUL byte (is this a binary file, or saved as UTF-16?)',
      },
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidOffset(bytes);
    return {
      ok: false,
      problem: {
        file: shownPath,
        line: lineAt(bytes, offset),
        message: 'expected UTF-8 text; found bytes that are not UTF-8 (save the file as UTF-8; it may be Latin-1 or Windows-1252)',
      },
    };
  }
  const control = notXmlCharacter.exec(text);
  if (control) {
    return {
      ok: false,
      problem: {
        file: shownPath,
        line: lineAt(bytes, Buffer.byteLength(text.slice(0, control.index))),
        message: `expected text; found ${describeControl(control[0])}`,
      },
    };
  }
  return { ok: true, text };
}

/**
 * Characters XML forbids: control characters other than tab, line feed and carriage return,
 * and the noncharacters U+FFFE and U+FFFF. Text reaches the charts' SVG, whose renderer
 * refuses the whole image for one of them. (NUL is found above, as a sign of a binary file.)
 */
// eslint-disable-next-line no-control-regex -- these control characters are what the pattern looks for.
export const notXmlCharacter = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** "the control character U+000B (a vertical tab, ...)": what was found, and what to do. */
export function describeControl(character: string): string {
  const point = character.codePointAt(0)!;
  const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  const names: Record<string, string> = {
    '\u000B': 'a vertical tab, which some databases export for a line break',
    '\u000C': 'a form feed',
  };
  const name = names[character];
  return `the ${point < 0x20 ? 'control character' : 'noncharacter'} ${code}${name ? ` (${name})` : ''}, which no page or chart can show (replace it with a space or a line break)`;
}

/**
 * The line of `offset`, counting line ends as parseCsv does (LF, CRLF, or a lone CR): a
 * CR-only file, as "CSV (Macintosh)" exports are, is not all on line 1.
 */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

/** The next LF or CR at or after `start` (neither byte occurs inside a UTF-8 sequence). */
function lineEndFrom(bytes: Uint8Array, start: number): number {
  for (let i = start; i < bytes.length; i++) if (bytes[i] === 0x0a || bytes[i] === 0x0d) return i;
  return bytes.length;
}

/** Find the first undecodable byte by decoding line by line, which is cheap and exact enough. */
function firstInvalidOffset(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length) {
    // Lines end at a CR too, or a CR-only file would be one line and always "line 1".
    const end = lineEndFrom(bytes, start);
    if (lenientUtf8.decode(bytes.subarray(start, end)).includes('\uFFFD')) {
      try {
        utf8.decode(bytes.subarray(start, end));
      } catch {
        return start;
      }
    }
    start = end + 1;
  }
  return 0;
}
