import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/problems/problem.ts';
import { readRefiBytes } from '../../../../src/sources/refi/readRefiFile.ts';
import { handGuid as g, handQde as qde, handTextSource as textSource, qdpx } from '../../../helpers/refiFixtures.ts';

/** The problems, one line each; a file with any problem gives no project. */
function problemLines(bytes: Uint8Array, shown = 'study.qdpx', maxUnpackedBytes?: number): string[] {
  const { project, problems } = readRefiBytes(bytes, shown, maxUnpackedBytes === undefined ? {} : { maxUnpackedBytes });
  expect(project).toBeUndefined();
  return problems.map(formatProblem);
}

/** A one-source project whose text is "Hello world" (11 characters). */
const withSpans = (spans: readonly (readonly [number, number])[]): Uint8Array =>
  qdpx({ 'project.qde': qde(textSource('internal://a.txt', spans)), 'sources/a.txt': 'Hello world' });

const expectedKinds = 'expected a REFI-QDA project (.qdpx, a zip file) or codebook (.qdc, XML)';

describe('a file that is neither zip nor XML', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'an empty file'],
    ['text', strToU8('participant,quote\nP1,"Tea"\n'), 'text starting "participant,quote"'],
    ['a PDF', strToU8('%PDF-1.7\n%\u00e2\u00e3'), 'a PDF file'],
    [
      'binary data',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'binary data starting with the bytes 89 50 4e 47',
    ],
  ])('is refused, saying it looks like %s', (_, bytes, looksLike) => {
    expect(problemLines(bytes)).toEqual([`study.qdpx: ${expectedKinds}; found ${looksLike}`]);
  });
});

describe('zip entries', () => {
  it.each(['../escape.txt', 'sources/../../escape.txt', '/etc/escape.txt', '..\\escape.txt', 'C:\\Users\\escape.txt', 'c:/escape.txt'])(
    'that climb out of the zip are refused, naming the entry (%s)',
    (name) => {
      expect(problemLines(qdpx({ 'project.qde': qde(''), [name]: 'x' }))).toEqual([
        `study.qdpx: expected zip entries that stay inside the project; found an entry named ${JSON.stringify(name)}`,
      ]);
    },
  );

  it('unpacking past the cap stop the read (a zip bomb), counted while inflating', () => {
    const bytes = qdpx({ 'project.qde': qde(textSource('internal://a.txt', [[0, 1]])), 'sources/a.txt': 'a'.repeat(200_000) });
    const line =
      'study.qdpx: expected at most 64 KiB once unpacked; found more while unpacking "sources/a.txt" (a damaged zip or a zip bomb)';
    expect(problemLines(bytes, 'study.qdpx', 64 * 1024)).toEqual([line]);
    expect(problemLines(withDeclaredSize(bytes, 'sources/a.txt', 10), 'study.qdpx', 64 * 1024)).toEqual([line]);
  });

  it('whose size is not as declared are a damaged zip', () => {
    const bytes = withDeclaredSize(withSpans([[0, 5]]), 'sources/a.txt', 10);
    expect(problemLines(bytes)).toEqual([
      'study.qdpx/sources/a.txt: expected 10 bytes, as the zip declares; found 11 (the zip is damaged)',
    ]);
  });

  it('cut short are a damaged zip', () => {
    const bytes = withSpans([[0, 5]]);
    expect(problemLines(bytes.subarray(0, bytes.length - 30))).toEqual([
      'study.qdpx: expected a complete zip file; found no central directory at its end (the file is cut short or is not a zip)',
    ]);
  });
});

/** Write a false uncompressed size for an entry into the zip's central directory. */
function withDeclaredSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const name = strToU8(entry);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
    if (bytes.subarray(at + 46, at + 46 + name.length).every((byte, index) => byte === name[index])) view.setUint32(at + 24, size, true);
  }
  return bytes;
}

describe('XML', () => {
  it('with a DOCTYPE is refused before any entity is expanded', () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>`;
    const line =
      ':2: expected no DOCTYPE (REFI-QDA files have none, and entity declarations are refused, never expanded); found a DOCTYPE declaration';
    expect(problemLines(qdpx({ 'project.qde': xml }))).toEqual([`study.qdpx/project.qde${line}`]);
    expect(problemLines(strToU8(xml), 'codebook.qdc')).toEqual([`codebook.qdc${line}`]);
  });

  it('that is malformed gives its line and column', () => {
    const xml = qde(`<Sources>\n  <TextSource guid="${g(50)}">\n</Sources>`);
    expect(problemLines(qdpx({ 'project.qde': xml }))).toEqual([
      'study.qdpx/project.qde:7: expected well-formed XML; found unexpected close tag (column 10)',
    ]);
    expect(problemLines(strToU8('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n<Code name=a/>'), 'book.qdc')).toEqual([
      'book.qdc:3: expected well-formed XML; found unquoted attribute value (column 12)',
    ]);
  });

  it('that is not UTF-8 is refused', () => {
    const bytes = qdpx({
      'project.qde': qde(textSource('internal://a.txt', [[0, 1]])),
      'sources/a.txt': new Uint8Array([0x48, 0x69, 0xe9, 0x21]),
    });
    expect(problemLines(bytes)).toEqual([
      'study.qdpx/sources/a.txt: expected UTF-8 text; found bytes that are not UTF-8 (from byte offset 2)',
    ]);
  });
});

describe('selections and codings', () => {
  it('outside their text are each refused, naming the selection’s line', () => {
    expect(
      problemLines(
        withSpans([
          [-1, 3],
          [5, 4],
          [6, 12],
          [0, 11],
        ]),
      ),
    ).toEqual([
      "study.qdpx/project.qde:6:PlainTextSelection@startPosition: expected 0 <= startPosition <= endPosition <= 11 (the text's length in code points); found startPosition -1 and endPosition 3",
      "study.qdpx/project.qde:7:PlainTextSelection@endPosition: expected 0 <= startPosition <= endPosition <= 11 (the text's length in code points); found startPosition 5 and endPosition 4",
      "study.qdpx/project.qde:8:PlainTextSelection@endPosition: expected 0 <= startPosition <= endPosition <= 11 (the text's length in code points); found startPosition 6 and endPosition 12",
    ]);
  });

  it('pointing to an unknown code are refused, naming the line', () => {
    const xml = qde(textSource('internal://a.txt', [[0, 5]])).replace(
      `<CodeRef targetGUID="${g(11)}"/>`,
      `<CodeRef targetGUID="${g(99)}"/>`,
    );
    expect(problemLines(qdpx({ 'project.qde': xml, 'sources/a.txt': 'Hello world' }))).toEqual([
      `study.qdpx/project.qde:6:CodeRef@targetGUID: expected the GUID of a code in the codebook; found "${g(99)}", which no code has`,
    ]);
  });

  it('missing required attributes or with positions that are not whole numbers are refused, all in one run', () => {
    const body = `<Sources><TextSource guid="${g(50)}" name="T"><PlainTextContent>abc</PlainTextContent>
<PlainTextSelection guid="${g(100)}" endPosition="1"><Coding guid="${g(200)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>
<PlainTextSelection guid="${g(101)}" startPosition="0.5" endPosition="two"><Coding guid="${g(201)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>
<PlainTextSelection startPosition="0" endPosition="1"><Coding><CodeRef/></Coding><Coding guid="${g(202)}"/></PlainTextSelection>
<PlainTextSelection guid="not-a-guid" startPosition="0" endPosition="1"><Coding guid="${g(203)}" creatingUser="nobody"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>
</TextSource></Sources>`;
    expect(problemLines(qdpx({ 'project.qde': qde(body) }))).toEqual([
      'study.qdpx/project.qde:6:PlainTextSelection@startPosition: expected a whole number; found no startPosition attribute',
      'study.qdpx/project.qde:7:PlainTextSelection@startPosition: expected a whole number; found "0.5"',
      'study.qdpx/project.qde:7:PlainTextSelection@endPosition: expected a whole number; found "two"',
      'study.qdpx/project.qde:8:PlainTextSelection@guid: expected a GUID; found no guid attribute',
      'study.qdpx/project.qde:8:Coding@guid: expected a GUID; found no guid attribute',
      'study.qdpx/project.qde:8:CodeRef@targetGUID: expected a GUID; found no targetGUID attribute',
      'study.qdpx/project.qde:8:Coding: expected a CodeRef naming the code applied; found none',
      'study.qdpx/project.qde:9:PlainTextSelection@guid: expected a GUID (8-4-4-4-12 hexadecimal digits, braces allowed); found "not-a-guid"',
      'study.qdpx/project.qde:9:Coding@creatingUser: expected a GUID (8-4-4-4-12 hexadecimal digits, braces allowed); found "nobody"',
    ]);
  });
});

describe('codes and cases', () => {
  it('with a GUID used twice are refused', () => {
    const xml = qde('').replace(
      `name="Leaf" isCodable="true"/>`,
      `name="Leaf" isCodable="true"/><Code guid="{${g(11).toUpperCase()}}" name="Twin" isCodable="maybe"/>`,
    );
    expect(problemLines(qdpx({ 'project.qde': xml }))).toEqual([
      'study.qdpx/project.qde:4:Code@isCodable: expected true, false, 1 or 0; found "maybe"',
      'study.qdpx/project.qde:4:Code@guid: expected a GUID no other code has; found the GUID of the code on line 4',
    ]);
  });

  it('with references to nothing are refused', () => {
    const body = `<Variables><Variable guid="${g(60)}" name="Age"/></Variables>
<Cases><Case guid="${g(70)}" name="P1">
<VariableValue><VariableRef targetGUID="${g(61)}"/><TextValue>x</TextValue></VariableValue>
<SourceRef targetGUID="${g(51)}"/>
<SelectionRef targetGUID="${g(101)}"/>
</Case></Cases>`;
    expect(problemLines(qdpx({ 'project.qde': qde(body) }))).toEqual([
      `study.qdpx/project.qde:7:VariableRef@targetGUID: expected the GUID of a variable in Variables; found "${g(61)}", which none has`,
      `study.qdpx/project.qde:8:SourceRef@targetGUID: expected the GUID of a source in the project; found "${g(51)}", which none has`,
      `study.qdpx/project.qde:9:SelectionRef@targetGUID: expected the GUID of a selection in the project; found "${g(101)}", which none has`,
    ]);
  });
});
