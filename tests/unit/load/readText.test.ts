import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/problems/problem.ts';
import { decodeText, readText, type TextResult } from '../../../src/load/readText.ts';

const dir = mkdtempSync(join(tmpdir(), 'qualpress-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

function problemLine(result: TextResult): string {
  if (result.ok) throw new Error(`expected a problem; read ${JSON.stringify(result.text)}`);
  return formatProblem(result.problem);
}

describe('decodeText', () => {
  it('reads UTF-8 text, accents and all', () => {
    expect(decodeText(bytes('a,b\ncafé,naïve\n'), 'data/x.csv')).toEqual({ ok: true, text: 'a,b\ncafé,naïve\n' });
  });

  it('removes a byte-order mark, so the first column name is intact', () => {
    const result = decodeText(bytes([0xef, 0xbb, 0xbf], 'post_id,tone\n'), 'data/posts.csv');
    expect(result).toEqual({ ok: true, text: 'post_id,tone\n' });
  });

  it('refuses an empty file', () => {
    expect(problemLine(decodeText(new Uint8Array(), 'data/posts.csv'))).toBe('data/posts.csv: expected content; found an empty file');
  });

  it('refuses a control character XML forbids, at its line, but reads tabs and every kind of line end', () => {
    expect(problemLine(decodeText(bytes('id,cohort\r\nM1,spr\u000Bing\n'), 'data/participants.csv'))).toBe(
      'data/participants.csv:2: expected text; found the control character U+000B (a vertical tab, which some databases export for a line break), which no page or chart can show (replace it with a space or a line break)',
    );
    expect(problemLine(decodeText(bytes('a\rb\n\u001B[31mred\n'), 'data/x.csv'))).toBe(
      'data/x.csv:3: expected text; found the control character U+001B, which no page or chart can show (replace it with a space or a line break)',
    );
    expect(problemLine(decodeText(bytes('é\n\uFFFF\n'), 'data/x.csv'))).toBe(
      'data/x.csv:2: expected text; found the noncharacter U+FFFF, which no page or chart can show (replace it with a space or a line break)',
    );
    expect(decodeText(bytes('a\tb\r\nc\rd\n'), 'data/x.csv')).toEqual({ ok: true, text: 'a\tb\r\nc\rd\n' });
  });

  it('refuses Latin-1 bytes, naming the line they are on', () => {
    // "café" in Latin-1 on line 3: 0xE9 is not UTF-8 on its own.
    const latin1 = bytes('note_id,member_id,stance\nN1,M01,agree\nN2,M02,caf', [0xe9], '\nN3,M03,\n');
    expect(problemLine(decodeText(latin1, 'data/notes.csv'))).toBe(
      'data/notes.csv:3: expected UTF-8 text; found bytes that are not UTF-8 (save the file as UTF-8; it may be Latin-1 or Windows-1252)',
    );
  });

  it('names the right line of Latin-1 bytes in a CRLF file', () => {
    const latin1 = bytes('a,b\r\n1,2\r\n3,4\r\n5,na', [0xef], 've\r\n');
    expect(problemLine(decodeText(latin1, 'data/x.csv'))).toBe(
      'data/x.csv:4: expected UTF-8 text; found bytes that are not UTF-8 (save the file as UTF-8; it may be Latin-1 or Windows-1252)',
    );
  });

  it('accepts a replacement character that is itself valid UTF-8', () => {
    expect(decodeText(bytes('a\n\uFFFD\n'), 'data/x.csv')).toEqual({ ok: true, text: 'a\n\uFFFD\n' });
  });

  it('refuses a binary file at the line of its first NUL byte', () => {
    // The PNG signature holds two line feeds before its first NUL byte.
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(problemLine(decodeText(png, 'data/posts.csv'))).toBe(
      'data/posts.csv:3: expected text; found a NUL byte (is this a binary file, or saved as UTF-16?)',
    );
  });

  it('refuses a UTF-16 file as binary on line 1', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('post_id,tone\n', 'utf16le')]);
    expect(problemLine(decodeText(utf16, 'data/posts.csv'))).toBe(
      'data/posts.csv:1: expected text; found a NUL byte (is this a binary file, or saved as UTF-16?)',
    );
  });
});

describe('readText', () => {
  it('reads a file from disk', () => {
    writeFileSync(join(dir, 'ok.csv'), 'a\n1\n');
    expect(readText(join(dir, 'ok.csv'), 'data/ok.csv')).toEqual({ ok: true, text: 'a\n1\n' });
  });

  it('reports a missing file under the path the user knows', () => {
    expect(problemLine(readText(join(dir, 'nowhere.csv'), 'data/nowhere.csv'))).toBe(
      'data/nowhere.csv: expected a readable file; found no such file',
    );
  });

  it('reports a folder where a file should be', () => {
    mkdirSync(join(dir, 'folder.csv'));
    expect(problemLine(readText(join(dir, 'folder.csv'), 'data/folder.csv'))).toBe(
      'data/folder.csv: expected a readable file; found a folder',
    );
  });
});
