import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/problems/problem.ts';
import type { RefiProject } from '../../../../src/sources/refi/project.ts';
import { readRefiBytes, readRefiFile } from '../../../../src/sources/refi/readRefiFile.ts';
import { handGuid as g, handQde as qde, handTextSource as textSource, qdpx, qualcoderCodebook } from '../../../helpers/refiFixtures.ts';

function projectOf(bytes: Uint8Array, shown = 'study.qdpx'): RefiProject {
  const { project, problems } = readRefiBytes(bytes, shown);
  expect(problems.map(formatProblem)).toEqual([]);
  if (!project) throw new Error('expected a project; found none');
  return project;
}

function problemLines(bytes: Uint8Array, shown = 'study.qdpx', maxUnpackedBytes?: number): string[] {
  const { project, problems } = readRefiBytes(bytes, shown, maxUnpackedBytes === undefined ? {} : { maxUnpackedBytes });
  expect(project).toBeUndefined();
  return problems.map(formatProblem);
}

const slices = (project: RefiProject): string[] =>
  project.sources.flatMap((source) =>
    source.selections.map((selection) =>
      Array.from(source.text ?? '')
        .slice(selection.start, selection.end)
        .join(''),
    ),
  );

describe('the .qde file', () => {
  it.each(['project.qde', 'Project.qde', 'Trial.qde'])('is the single *.qde at the top of the zip, here %s', (name) => {
    const project = projectOf(qdpx({ [name]: qde(''), 'sources/other.qde.txt': 'x', 'notes/extra.qde': qde('') }));
    expect(project.name).toBe('Hand-made');
  });

  it('is a problem when there is none or several', () => {
    expect(problemLines(qdpx({ 'sources/a.txt': 'x' }))).toEqual([
      'study.qdpx: expected one .qde project file at the top of the zip; found none (the zip holds "sources/a.txt")',
    ]);
    expect(problemLines(qdpx({ 'a.qde': qde(''), 'b.QDE': qde('') }))).toEqual([
      'study.qdpx: expected one .qde project file at the top of the zip; found "a.qde", "b.QDE"',
    ]);
  });
});

describe('source texts', () => {
  const text = 'Hello world';
  it.each([
    ['sources/', 'internal://a.txt', { 'sources/a.txt': text }],
    ['Sources/', 'internal://a.txt', { 'Sources/a.txt': text }],
    ['relative:// by path', 'relative://dir/sub/a.txt', { 'sources/dir/sub/a.txt': text, 'sources/a.txt': 'wrong one' }],
    ['relative:// by file name', 'relative://../elsewhere/a.txt', { 'sources/a.txt': text }],
    ['a bare file name', 'a.txt', { 'sources/a.txt': text }],
    ['a percent-encoded name', 'internal://my%20a.txt', { 'sources/my a.txt': text }],
  ])('are found in %s (%s)', (_, path, files) => {
    const project = projectOf(qdpx({ 'project.qde': qde(textSource(path, [[6, 11]])), ...files }));
    expect(project.sources[0]?.text).toBe(text);
    expect(slices(project)).toEqual(['world']);
  });

  it('can be inline PlainTextContent, entities and CDATA decoded', () => {
    const body = `<Sources><TextSource guid="${g(50)}" name="Inline"><PlainTextContent>Fish &amp; <![CDATA[<chips>]]></PlainTextContent>
<PlainTextSelection guid="${g(100)}" startPosition="7" endPosition="14"><Coding guid="${g(200)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection></TextSource></Sources>`;
    const project = projectOf(qdpx({ 'project.qde': qde(body) }));
    expect(project.sources[0]?.text).toBe('Fish & <chips>');
    expect(slices(project)).toEqual(['<chips>']);
  });

  it('lose a UTF-8 byte-order mark and keep their line ends as written', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('one\r\ntwo\nthree\r')]);
    const project = projectOf(qdpx({ 'project.qde': qde(textSource('internal://a.txt', [[5, 8]])), 'sources/a.txt': bytes }));
    expect(project.sources[0]?.text).toBe('one\r\ntwo\nthree\r');
    expect(slices(project)).toEqual(['two']);
  });

  it('missing from the zip leave the source without text, its selections as written, and one warning', () => {
    const body = textSource('internal://gone.txt', [
      [5, 500],
      [0, 3],
    ]);
    const { project, problems } = readRefiBytes(qdpx({ 'project.qde': qde(body) }), 'study.qdpx');
    expect(problems).toEqual([]);
    expect(project?.sources[0]?.text).toBeUndefined();
    expect(project?.sources[0]?.selections.map(({ start, end }) => [start, end])).toEqual([
      [5, 500],
      [0, 3],
    ]);
    expect(project?.warnings).toEqual(['sources/gone.txt is missing from study.qdpx: its 2 codings are imported with empty text']);
  });
});

describe('GUIDs and namespaces', () => {
  it('match whatever their case and braces, and come out lower case without braces', () => {
    const upper = (n: number): string => `{${g(n).toUpperCase().replace('4000', 'ABCD')}}`;
    const lower = (n: number): string => g(n).replace('4000', 'abcd');
    const body = `<Sources><TextSource guid="${upper(50)}" name="T"><PlainTextContent>abc</PlainTextContent>
<PlainTextSelection guid="${upper(100)}" startPosition="0" endPosition="1" creatingUser="${upper(1)}"><Coding guid="${lower(200)}"><CodeRef targetGUID="${upper(11)}"/></Coding></PlainTextSelection></TextSource></Sources>`;
    const xml = qde(body)
      .replaceAll(`"${g(11)}"`, `"${lower(11)}"`)
      .replaceAll(`"${g(1)}"`, `"${lower(1)}"`);
    const project = projectOf(qdpx({ 'project.qde': xml }));
    expect(project.sources[0]).toMatchObject({
      guid: lower(50),
      selections: [{ guid: lower(100), codings: [{ guid: lower(200), codeGuid: lower(11), coderGuid: lower(1) }] }],
    });
  });

  it('accept both codebook namespaces and pass over elements of other namespaces', () => {
    for (const namespace of ['urn:QDA-XML:codebook:1.0', 'urn:QDA-XML:codebook:1:0']) {
      const xml = `<CodeBook xmlns="${namespace}" xmlns:v="urn:vendor" origin="X"><Codes><Code guid="${g(1)}" name="A" isCodable="true"><v:Code guid="${g(2)}" name="Vendor's own"/></Code></Codes></CodeBook>`;
      expect(projectOf(strToU8(xml), 'book.qdc').codes).toEqual([
        { guid: g(1), name: 'A', description: undefined, isCodable: true, children: [] },
      ]);
    }
  });

  it('refuse a wrong root or an unknown namespace', () => {
    expect(problemLines(strToU8('<CodeBook xmlns="urn:QDA-XML:codebook:2.0"><Codes/></CodeBook>'), 'book.qdc')).toEqual([
      'book.qdc:1: expected a root element "CodeBook" in namespace "urn:QDA-XML:codebook:1.0" or "Project" in namespace "urn:QDA-XML:project:1.0"; found a root element "CodeBook" in namespace "urn:QDA-XML:codebook:2.0"',
    ]);
    expect(problemLines(qdpx({ 'project.qde': '<?xml version="1.0"?>\n<Project name="x"/>' }))).toEqual([
      'study.qdpx/project.qde:2: expected a root element "Project" in namespace "urn:QDA-XML:project:1.0"; found a root element "Project" in no namespace',
    ]);
    expect(problemLines(qdpx({ 'project.qde': qualcoderCodebook() }))).toEqual([
      'study.qdpx/project.qde:2: expected a root element "Project" in namespace "urn:QDA-XML:project:1.0"; found a root element "CodeBook" in namespace "urn:QDA-XML:codebook:1:0"',
    ]);
  });
});

describe('offsets', () => {
  // "a😀b🎉cd": code points a=0 😀=1 b=2 🎉=3 c=4 d=5; UTF-16 a=0 😀=1,2 b=3 🎉=4,5 c=6 d=7.
  const text = 'a😀b🎉cd';
  const read = (origin: string, spans: readonly (readonly [number, number])[]): ReturnType<typeof readRefiBytes> =>
    readRefiBytes(
      qdpx({ 'project.qde': qde(textSource('internal://t.txt', spans), `origin="${origin}"`), 'sources/t.txt': text }),
      'study.qdpx',
    );

  it('count UTF-16 code units in NVivo exports, emoji before and inside the selections', () => {
    for (const origin of ['NVivo 14', 'nvivo (Windows) 12.6']) {
      const { project } = read(origin, [
        [3, 7],
        [1, 3],
        [6, 8],
      ]);
      expect(project?.offsets).toBe('utf16-code-units');
      expect(project?.sources[0]?.selections.map(({ start, end }) => [start, end])).toEqual([
        [2, 5],
        [1, 2],
        [4, 6],
      ]);
      expect(project && slices(project)).toEqual(['b🎉c', '😀', 'cd']);
    }
  });

  it('count code points otherwise, as the standard says', () => {
    const { project } = read('ATLAS.ti Windows 23', [
      [2, 5],
      [1, 2],
      [4, 6],
    ]);
    expect(project?.offsets).toBe('code-points');
    expect(project && slices(project)).toEqual(['b🎉c', '😀', 'cd']);
  });

  it('refuse a UTF-16 offset inside a surrogate pair, and lengths in the project’s unit', () => {
    const { problems } = read('NVivo 14', [
      [2, 3],
      [0, 5],
      [0, 9],
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'study.qdpx/project.qde:6:PlainTextSelection@startPosition: expected an offset between characters, not inside the two UTF-16 code units of one (an emoji, say); found 2',
      'study.qdpx/project.qde:7:PlainTextSelection@endPosition: expected an offset between characters, not inside the two UTF-16 code units of one (an emoji, say); found 5',
      "study.qdpx/project.qde:8:PlainTextSelection@endPosition: expected 0 <= startPosition <= endPosition <= 8 (the text's length in UTF-16 code units, as NVivo counts); found startPosition 0 and endPosition 9",
    ]);
    expect(read('MAXQDA 2022', [[0, 7]]).problems.map(formatProblem)).toEqual([
      "study.qdpx/project.qde:6:PlainTextSelection@endPosition: expected 0 <= startPosition <= endPosition <= 6 (the text's length in code points); found startPosition 0 and endPosition 7",
    ]);
  });
});

describe('codings, codes and cases', () => {
  it('take the coder from the Coding, else the selection, else none', () => {
    const body = `<Users><User guid="${g(2)}" name="Other"/></Users><Sources><TextSource guid="${g(50)}" name="T"><PlainTextContent>abcdef</PlainTextContent>
<PlainTextSelection guid="${g(100)}" startPosition="0" endPosition="1" creatingUser="${g(1)}"><Coding guid="${g(200)}" creatingUser="${g(2)}"><CodeRef targetGUID="${g(11)}"/></Coding><Coding guid="${g(201)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>
<PlainTextSelection guid="${g(101)}" startPosition="1" endPosition="2"><Coding guid="${g(202)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>
</TextSource></Sources>`;
    const project = projectOf(qdpx({ 'project.qde': qde(body) }));
    expect(project.sources[0]?.selections.flatMap((selection) => selection.codings.map((coding) => coding.coderGuid))).toEqual([
      g(2),
      g(1),
      undefined,
    ]);
  });

  it('read a Coding directly in a TextSource as coding the whole text', () => {
    const body = `<Sources><TextSource guid="${g(50)}" name="T"><PlainTextContent>ab😀</PlainTextContent><Coding guid="${g(200)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(11)}"/></Coding></TextSource></Sources>`;
    const project = projectOf(qdpx({ 'project.qde': qde(body, 'origin="NVivo 14"') }));
    // The end is 3 code points (the emoji counts 1); column 116 counts UTF-16 code units, the emoji as 2.
    expect(project.sources[0]?.selections).toEqual([
      {
        guid: g(200),
        start: 0,
        end: 3,
        codings: [{ guid: g(200), codeGuid: g(11), coderGuid: g(1) }],
        place: { entry: 'project.qde', line: 5, column: 116 },
      },
    ]);
  });

  it('read isCodable as true, false, 1 or 0, and as codable when absent', () => {
    const codes = ['true', 'false', '1', '0', undefined].map(
      (value, index) => `<Code guid="${g(index + 1)}" name="C${index}"${value === undefined ? '' : ` isCodable="${value}"`}/>`,
    );
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes.join('')}</Codes></CodeBook>`;
    expect(projectOf(strToU8(xml), 'book.qdc').codes.map((code) => code.isCodable)).toEqual([true, false, true, false, true]);
  });

  it('read cases: source and selection references, values of any type by variable, references to skipped sources dropped', () => {
    const body = `<Variables><Variable guid="${g(60)}" name="Age" typeOfVariable="Integer"/><Variable guid="${g(61)}" name="Consent" typeOfVariable="Boolean"/></Variables>
<Cases><Case guid="${g(70)}" name="P1"><VariableValue><VariableRef targetGUID="${g(60)}"/><IntegerValue>42</IntegerValue></VariableValue><VariableValue><VariableRef targetGUID="${g(61)}"/><BooleanValue>true</BooleanValue></VariableValue>
<SourceRef targetGUID="${g(50)}"/><SourceRef targetGUID="${g(90)}"/><SelectionRef targetGUID="${g(100)}"/><SelectionRef targetGUID="${g(91)}"/></Case></Cases>
<Sources><TextSource guid="${g(50)}" name="T"><PlainTextContent>abc</PlainTextContent><PlainTextSelection guid="${g(100)}" startPosition="0" endPosition="1"><Coding guid="${g(200)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection></TextSource>
<PictureSource guid="${g(90)}" name="Photo" path="internal://p.jpg"><PictureSelection guid="${g(91)}" firstX="0" firstY="0" secondX="1" secondY="1"><Coding guid="${g(201)}"><CodeRef targetGUID="${g(12)}"/></Coding></PictureSelection></PictureSource>
<VideoSource guid="${g(92)}" name="Clip"/></Sources>`;
    const project = projectOf(qdpx({ 'project.qde': qde(body, 'origin="X" creationDateTime="2024-01-01T00:00:00Z"') }));
    expect(project.variables).toEqual([
      { guid: g(60), name: 'Age', type: 'Integer' },
      { guid: g(61), name: 'Consent', type: 'Boolean' },
    ]);
    expect(project.cases).toEqual([
      { guid: g(70), name: 'P1', sourceGuids: [g(50)], selectionGuids: [g(100)], values: { [g(60)]: '42', [g(61)]: 'true' } },
    ]);
    expect(project.skipped).toEqual({ pdf: 0, picture: 1, audio: 0, video: 1 });
    expect(project.modified).toBe('2024-01-01T00:00:00Z');
    expect(project.name).toBeUndefined();
  });
});

describe('readRefiFile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'refi-'));

  it('decides by content, not by extension', () => {
    writeFileSync(join(folder, 'project.qdc'), qdpx({ 'project.qde': qde('') }));
    writeFileSync(join(folder, 'codebook.xml'), qualcoderCodebook());
    expect(readRefiFile(join(folder, 'project.qdc'), 'project.qdc').project?.name).toBe('Hand-made');
    expect(readRefiFile(join(folder, 'codebook.xml'), 'codebook.xml').project?.codes).toHaveLength(2);
  });

  it('says when there is no file', () => {
    expect(readRefiFile(join(folder, 'nothing.qdpx'), 'nothing.qdpx').problems.map(formatProblem)).toEqual([
      'nothing.qdpx: expected a REFI-QDA project (.qdpx, a zip file) or codebook (.qdc, XML); found no such file',
    ]);
  });
});
