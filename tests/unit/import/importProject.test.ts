import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importCodebook, importProject, studyDate, type ImportedPackage } from '../../../src/import/importProject.ts';
import { studyConfig } from '../../../src/schemas/study.ts';
import type { RefiProject } from '../../../src/sources/refi/project.ts';
import { refiCase, refiCode, refiProject, refiSelection, refiSource } from '../../helpers/refiProject.ts';

const options = { shown: 'project.qdpx', today: '2025-01-01' };

function imported(project: RefiProject): ImportedPackage {
  const result = importProject(project, options);
  if (!result.ok) throw new Error(`expected an import; found problems ${JSON.stringify(result.problems)}`);
  return result.imported;
}

function file(result: ImportedPackage, name: string): string {
  const text = result.files.get(name);
  if (text === undefined) throw new Error(`no ${name} among ${[...result.files.keys()].join(', ')}`);
  return text;
}

const lines = (text: string) => text.trimEnd().split('\n');

/** Two coders, a case per interview, an emoji (one code point, two UTF-16 units), a missing source file. */
const twoCoders = refiProject({
  users: [
    { guid: 'u1', name: 'Avery Example' },
    { guid: 'u2', name: 'Sam' },
  ],
  codes: [
    refiCode('feel', 'Feelings', [refiCode('joy', 'Joy'), refiCode('worry', 'Worry')], { description: 'How it felt' }),
    refiCode('trust', 'Trust'),
  ],
  variables: [{ guid: 'v1', name: 'Role', type: 'Text' }],
  sources: [
    refiSource('s1', 'Interview Anna', 'I trust you. Work is 😀 fun. =SUM(1)', [
      // NVivo: the same selection once per coding, here by two coders.
      refiSelection('a', 0, 12, [['trust', 'u1']]),
      refiSelection('b', 0, 12, [
        ['trust', 'u2'],
        ['worry', 'u2'],
      ]),
      refiSelection('d', 28, 35, [['joy', 'u2']]),
      // ATLAS.ti: several codings on one selection, one on the dimension's own code.
      refiSelection('c', 13, 26, [
        ['joy', 'u1'],
        ['feel', 'u1'],
      ]),
    ]),
    refiSource('s2', 'Interview Ben', undefined, [refiSelection('e', 5, 40, [['worry', 'u1']])]),
  ],
  cases: [
    refiCase('k1', 'Anna', { sourceGuids: ['s1'], values: { v1: 'Teacher' } }),
    refiCase('k2', 'Ben', { selectionGuids: ['e'], values: { v1: 'Head, deputy' } }),
  ],
});

describe('importProject', () => {
  it('writes one segment per distinct span, with every code any coder applied, in codebook order, and its text by code points', () => {
    expect(lines(file(imported(twoCoders), 'segments.csv'))).toEqual([
      'segment_id,participant_id,source,start,end,feelings,codes,text',
      'G0001,P01,S01,0,12,worry,trust,I trust you.',
      'G0002,P01,S01,13,26,feelings;joy,,Work is 😀 fun',
      // Data are records: a text that looks like a spreadsheet formula stays exactly the span's 7 characters.
      'G0003,P01,S01,28,35,joy,,=SUM(1)',
      'G0004,P02,S02,5,40,worry,,',
    ]);
  });

  it("writes each coder's own codes per segment when more than one coder coded", () => {
    const result = imported(twoCoders);
    expect(lines(file(result, 'reliability/segments.csv'))).toEqual([
      'segment_id,coder,feelings,codes',
      'G0001,avery-example,,trust',
      'G0001,sam,worry,trust',
      'G0002,avery-example,feelings;joy,',
      'G0003,sam,joy,',
      'G0004,avery-example,worry,',
    ]);
    expect(result.summary).toEqual({ sources: 2, segments: 4, codes: 4, dimensions: 2, participants: 2, coders: 2 });
  });

  it('writes participants from cases, source lengths in code points and the private keys', () => {
    const result = imported(twoCoders);
    expect(lines(file(result, 'participants.csv'))).toEqual(['participant_id,role', 'P01,Teacher', 'P02,"Head, deputy"']);
    // S02's file is missing: its length is its largest end offset, and a warning says so.
    expect(lines(file(result, 'sources.csv'))).toEqual(['source,characters', 'S01,35', 'S02,40']);
    expect(result.warnings).toEqual([
      'S02 ("Interview Ben") has no text: its segments have an empty text cell, and sources.csv gives its length as its largest end offset (40).',
    ]);
    expect(lines(file(result, 'private/sources.csv'))).toEqual(['source,name', 'S01,Interview Anna', 'S02,Interview Ben']);
    expect(lines(file(result, 'private/participants.csv'))).toEqual(['participant_id,name', 'P01,Anna', 'P02,Ben']);
  });

  it('writes a study.yaml the build accepts once the template is filled in, with spans, reliability and a coders hint', () => {
    const text = file(imported(twoCoders), 'study.yaml');
    expect(text).toContain('# coders:\n#   avery-example: Avery Example\n#   sam: Sam\n');
    const filled = text.replace(/^# (license|url|authors|abstract| {2}- )(.*)$/gm, '$1$2');
    const value = parse(filled) as { datasets: { segments: Record<string, unknown> } };
    expect(value.datasets.segments).toEqual({
      label: 'Coded segments',
      file: 'segments.csv',
      unit: ['segment', 'segments'],
      key: 'segment_id',
      participant: 'participant_id',
      text: { column: 'text', publish: 'none' },
      reliability: 'reliability/segments.csv',
      spans: { source: 'source', start: 'start', end: 'end', lengths: 'sources.csv' },
    });
    // The keys the reliability work adds to the schema aside, it is a valid study.yaml.
    const { reliability: _reliability, spans: _spans, ...segments } = value.datasets.segments;
    const checked = studyConfig.safeParse({ ...value, datasets: { segments } });
    expect(checked.error?.issues ?? []).toEqual([]);
    expect(checked.data).toMatchObject({
      id: 'tiny-project',
      title: 'Tiny project',
      version: '0.1.0',
      date: '2024-05-06',
      participants: { file: 'participants.csv', key: 'participant_id', attributes: [{ column: 'role', label: 'Role' }] },
    });
  });

  it('declares no reliability file and no coders hint for one coder', () => {
    const result = imported(
      refiProject({ codes: [refiCode('x', 'X')], sources: [refiSource('s', 'Only', 'abc', [refiSelection('a', 0, 3, [['x', 'u1']])])] }),
    );
    expect(result.files.has('reliability/segments.csv')).toBe(false);
    expect(file(result, 'study.yaml')).not.toMatch(/reliability|coders/);
    expect(result.summary.coders).toBe(1);
  });

  it('makes each source a participant when the project has no cases', () => {
    const result = imported(
      refiProject({
        codes: [refiCode('x', 'X')],
        sources: [
          refiSource('s1', 'First', 'aaaa', []),
          refiSource('s2', 'Second', 'bbbb', [refiSelection('b', 1, 2, [['x', undefined]])]),
          refiSource('s3', 'Third', 'cccc', [refiSelection('c', 0, 4, [['x', undefined]])]),
        ],
      }),
    );
    // Numbered by first appearance: the units first, then the sources without units.
    expect(lines(file(result, 'segments.csv')).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      'segment_id,participant_id,source',
      'G0001,P01,S02',
      'G0002,P02,S03',
    ]);
    expect(lines(file(result, 'private/participants.csv'))).toEqual(['participant_id,name', 'P01,Second', 'P02,Third', 'P03,First']);
    expect(lines(file(result, 'participants.csv'))).toEqual(['participant_id', 'P01', 'P02', 'P03']);
  });

  it('prefers the case of a selection to the case of its source, and gives a source no case references a participant of its own, with a warning', () => {
    const result = imported(
      refiProject({
        codes: [refiCode('x', 'X')],
        variables: [
          { guid: 'v1', name: 'Age group', type: 'Text' },
          { guid: 'v2', name: 'Never used', type: 'Text' },
        ],
        sources: [
          refiSource('s1', 'Focus group', 'one two three', [
            refiSelection('a', 0, 3, [['x', 'u']]),
            refiSelection('b', 4, 7, [['x', 'u']]),
          ]),
          refiSource('s2', 'Field notes', 'four', [refiSelection('c', 0, 4, [['x', 'u']])]),
        ],
        cases: [
          refiCase('k1', 'Group', { sourceGuids: ['s1'], values: { v1: '-' } }),
          refiCase('k2', 'Ola', { selectionGuids: ['b'], values: { v1: '30-39' } }),
        ],
      }),
    );
    expect(lines(file(result, 'segments.csv')).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      'segment_id,participant_id,source',
      'G0001,P01,S01',
      'G0002,P02,S01',
      'G0003,P03,S02',
    ]);
    expect(lines(file(result, 'participants.csv'))).toEqual(['participant_id,age-group', 'P01,-', 'P02,30-39', 'P03,']);
    expect(lines(file(result, 'private/participants.csv'))).toEqual(['participant_id,name', 'P01,Group', 'P02,Ola', 'P03,Field notes']);
    expect(result.warnings).toEqual(['1 source has coded text but no case: each became a participant of its own (S02 "Field notes").']);
  });

  it('names coders without a user name coder-<n>, by order of first coding, and leaves codings without a user out of reliability', () => {
    const result = imported(
      refiProject({
        users: [{ guid: 'u1', name: '' }],
        codes: [refiCode('x', 'X')],
        sources: [
          refiSource('s', 'S', 'abcdef', [
            refiSelection('a', 0, 2, [['x', undefined]]),
            refiSelection('b', 0, 2, [['x', 'u1']]),
            refiSelection('c', 2, 4, [['x', 'u9']]),
            refiSelection('d', 4, 6, [['x', undefined]]),
          ]),
        ],
      }),
    );
    expect(lines(file(result, 'reliability/segments.csv'))).toEqual(['segment_id,coder,codes', 'G0001,coder-1,x', 'G0002,coder-2,x']);
    expect(lines(file(result, 'segments.csv')).map((line) => line.split(',')[5])).toEqual(['codes', 'x', 'x', 'x']);
    expect(result.warnings).toEqual(['2 codings name no coder: counted in segments.csv, left out of reliability/segments.csv.']);
  });

  it("reports the offset unit, skipped sources, codings on unknown codes and the reader's warnings", () => {
    const result = imported(
      refiProject({
        offsets: 'utf16-code-units',
        codes: [refiCode('x', 'X')],
        skipped: { pdf: 2, picture: 0, audio: 1, video: 0 },
        warnings: ['a warning from the reader'],
        sources: [
          refiSource('s', 'S', 'abc', [
            refiSelection('a', 0, 1, [
              ['x', undefined],
              ['gone', undefined],
            ]),
            refiSelection('b', 1, 2, []),
          ]),
        ],
      }),
    );
    expect(result.offsets).toBe('Offsets counted as UTF-16 code units (NVivo), converted to Unicode code points.');
    expect(result.warnings).toEqual([
      'a warning from the reader',
      'Skipped 2 PDF sources, 1 audio source: only text sources are imported.',
      'Left out 1 coding on a code the codebook does not hold.',
    ]);
    expect(result.summary.segments).toBe(1);
  });

  it('refuses a project without a code, with one problem', () => {
    expect(importProject(refiProject(), options)).toEqual({
      ok: false,
      problems: [{ file: 'project.qdpx', message: 'expected a codebook with at least one code (CodeBook/Codes/Code); found none' }],
    });
  });
});

describe('importCodebook', () => {
  it('writes codebook.yaml only, without any dimension listing its own code', () => {
    const result = importCodebook(refiProject({ codes: [refiCode('a', 'A', [refiCode('b', 'B')])] }), options);
    expect(result.ok && [...result.imported.files.keys()]).toEqual(['codebook.yaml']);
    expect(result.ok && result.imported.summary).toEqual({ sources: 0, segments: 0, participants: 0, coders: 0, codes: 1, dimensions: 1 });
  });
});

describe('studyDate', () => {
  it("takes the project's day as written, else today", () => {
    expect(studyDate('2023-11-30T23:59:00-05:00', '2025-01-01')).toBe('2023-11-30');
    expect(studyDate('2023-02-30T00:00:00Z', '2025-01-01')).toBe('2025-01-01');
    expect(studyDate(undefined, '2025-01-01')).toBe('2025-01-01');
  });
});
