import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, readTextChunks, WholeFileNeeded } from '../../../src/load/readText.ts';
import { parseCsv } from '../../../src/sources/csv/parseCsv.ts';
import { openCsvStream } from '../../../src/sources/csv/streamCsv.ts';
import type { Problem } from '../../../src/problems/problem.ts';

const file = 'data/posts.csv';

/** A CSV reading in pieces, as one object: what parseCsv returns for the whole text. */
function streamed(pieces: readonly string[]) {
  const problems: Problem[] = [];
  const stream = openCsvStream(pieces, file, problems);
  if (!stream) return { problems };
  const rows = [...stream.rows];
  return { table: { header: stream.header, headerLine: stream.headerLine, rows }, problems };
}

/** The text cut into pieces at every `size` characters. */
function piecesOf(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

const wellFormed = [
  'post_id,tone\nP1,positive\nP2,\n',
  'a,b\r\n1,"one,\r\ntwo"\r\n\r\n2,"say ""hi"""\r\n3,""',
  '\n\n a,b\n1,2,3\n4,"x\ny\nz"\n   \n5,6\n',
  'a,b\n1,5" screen\n2,"ok"\n',
  'a,b\r1,2\r3,"4\r5"\r',
  'a,a,\n1,2,3\n',
  '\n\n',
  'a,b\n',
];

describe('openCsvStream', () => {
  it.each(wellFormed)('reads %j in pieces of any size as parseCsv reads it whole', (text) => {
    const whole = parseCsv(text, file);
    // Sorting by line is what the build does with problems; the header's come first either way.
    const byLine = (problems: readonly Problem[]) => [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (let size = 1; size <= text.length; size++) {
      const pieces = streamed(piecesOf(text, size));
      expect(pieces.table, `pieces of ${size}`).toEqual(whole.table);
      expect(byLine(pieces.problems), `pieces of ${size}`).toEqual(byLine(whole.problems));
    }
  });

  it.each(['a,b\n1,"open\n2,3\n', 'a,b\n1,"x"y,2\n3,4\n', 'a,b\n"x\ny"z,1\n'])(
    'leaves %j, whose quotes are malformed, to a whole reading',
    (text) => {
      for (let size = 1; size <= text.length; size++) expect(() => streamed(piecesOf(text, size))).toThrow(WholeFileNeeded);
    },
  );
});

describe('readTextChunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qualpress-chunks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  it('gives the text readText gives, and its bytes without the byte-order mark, however small the pieces', () => {
    const path = write('accents.csv', '\uFEFFid,text\n1,café ☕ naïve 😀\n');
    const whole = readText(path, file);
    for (const size of [1, 2, 3, 5, 64]) {
      const seen: Uint8Array[] = [];
      const read = readTextChunks(path, file, (bytes) => seen.push(Uint8Array.from(bytes)), size);
      if (!read.ok || !whole.ok) throw new Error('expected both readings to succeed');
      expect([...read.chunks].join('')).toBe(whole.text);
      expect(Buffer.concat(seen).toString('utf8')).toBe(whole.text);
    }
  });

  it.each([
    ['an empty file', ''],
    ['a NUL byte', 'id\n1\u0000\n'],
    ['bytes that are not UTF-8', Buffer.from([0x69, 0x64, 0x0a, 0xe9, 0x0a])],
    ['a control character', 'id\n1\u000b2\n'],
  ])('ends its pieces with WholeFileNeeded for %s, which readText refuses', (_what, content) => {
    const path = write('bad.csv', content);
    expect(readText(path, file).ok).toBe(false);
    const read = readTextChunks(path, file, () => undefined, 2);
    if (!read.ok) throw new Error('expected the file to open');
    expect(() => [...read.chunks]).toThrow(WholeFileNeeded);
  });

  it('reports a missing file as readText does', () => {
    const missing = join(dir, 'missing.csv');
    expect(readTextChunks(missing, file, () => undefined)).toEqual(readText(missing, file));
  });
});
