import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RefiProject, RefiTextSource } from '../../../../src/sources/refi/project.ts';
import { readRefiBytes } from '../../../../src/sources/refi/readRefiFile.ts';
import { findOne } from '../../../helpers/findOne.ts';
import {
  atlasRecipe,
  maxqdaRecipe,
  nvivoRecipe,
  qualcoderCodebook,
  qualcoderRecipe,
  recipeQdpx,
  refiGuid,
  type RefiRecipe,
} from '../../../helpers/refiFixtures.ts';

function read(recipe: RefiRecipe): RefiProject {
  const { project, problems } = readRefiBytes(recipeQdpx(recipe), 'study.qdpx');
  expect(problems).toEqual([]);
  if (!project) throw new Error('expected a project; found none');
  return project;
}

/** Slice by code points, independently of the reader's own offset code. */
function quotes(source: RefiTextSource): string[] {
  const characters = Array.from(source.text ?? '');
  return source.selections.map((selection) => characters.slice(selection.start, selection.end).join(''));
}

const source = (project: RefiProject, name: string): RefiTextSource => findOne(project.sources, (each) => each.name === name, `source ${name}`);
const user = (name: string): string => refiGuid('user', name);
const code = (name: string): string => refiGuid('code', name);
const anyPlace = (entry: string): unknown => expect.objectContaining({ entry, line: expect.any(Number), column: expect.any(Number) });
const noSkipped = { pdf: 0, picture: 0, audio: 0, video: 0 };

describe('NVivo 14 export', () => {
  const project = read(nvivoRecipe);

  it('reads the project, users, codes, variables and cases as written', () => {
    expect(project).toMatchObject({
      name: 'Tea study (synthetic)',
      origin: 'NVivo 14',
      modified: '2024-03-02T17:30:00Z',
      offsets: 'utf16-code-units',
      users: [
        { guid: user('Coder A'), name: 'Coder A' },
        { guid: user('Coder B'), name: 'Coder B' },
      ],
      skipped: noSkipped,
      warnings: [],
    });
    expect(project.codes).toEqual([
      {
        guid: code('Drinks'),
        name: 'Drinks',
        description: 'What participants drink',
        isCodable: false,
        children: [
          { guid: code('Tea'), name: 'Tea', description: undefined, isCodable: true, children: [] },
          { guid: code('Coffee'), name: 'Coffee', description: undefined, isCodable: true, children: [] },
        ],
      },
      { guid: code('Feelings'), name: 'Feelings', description: 'Moods named', isCodable: true, children: [] },
    ]);
    expect(project.variables).toEqual([
      { guid: refiGuid('variable', 'Role'), name: 'Role', type: 'Text' },
      { guid: refiGuid('variable', 'Country'), name: 'Country', type: 'Text' },
    ]);
    expect(project.cases).toEqual([
      {
        guid: refiGuid('case', 'P01'),
        name: 'P01',
        sourceGuids: [refiGuid('source', 'Interview P01')],
        selectionGuids: [],
        values: { [refiGuid('variable', 'Role')]: 'Teacher', [refiGuid('variable', 'Country')]: 'Atlantis' },
      },
      {
        guid: refiGuid('case', 'P02'),
        name: 'P02',
        sourceGuids: [refiGuid('source', 'Interview P02')],
        selectionGuids: [],
        values: { [refiGuid('variable', 'Role')]: 'Student', [refiGuid('variable', 'Country')]: 'Lemuria' },
      },
    ]);
  });

  it('strips the byte-order mark, keeps CRLF, and turns UTF-16 offsets around emoji into code points', () => {
    const p01 = source(project, 'Interview P01');
    expect(p01.text).toBe('Q: What do you drink? 🙂\r\nA: Green tea 🍵 every morning.\r\nI feel calm 😌 then.\r\n');
    // Counted by hand: 22 characters, one emoji, CRLF and "A: " come before the quote.
    expect(p01.selections[0]).toMatchObject({ start: 28, end: 53 });
    expect(quotes(p01)).toEqual(['Green tea 🍵 every morning', 'Green tea 🍵 every morning', 'I feel calm 😌']);
    expect(quotes(source(project, 'Interview P02'))).toEqual(['Coffee ☕ first,\r\nthen more coffee']);
  });

  it('keeps one selection per coding, the coder taken from Coding@creatingUser before the selection’s', () => {
    const p01 = source(project, 'Interview P01');
    expect(p01.selections).toEqual([
      {
        guid: refiGuid('selection', 'Interview P01#0.0'),
        start: 28,
        end: 53,
        codings: [{ guid: refiGuid('coding', 'Interview P01#0.0'), codeGuid: code('Tea'), coderGuid: user('Coder A') }],
        place: anyPlace('project.qde'),
      },
      {
        guid: refiGuid('selection', 'Interview P01#0.1'),
        start: 28,
        end: 53,
        codings: [{ guid: refiGuid('coding', 'Interview P01#0.1'), codeGuid: code('Feelings'), coderGuid: user('Coder B') }],
        place: anyPlace('project.qde'),
      },
      {
        guid: refiGuid('selection', 'Interview P01#1.0'),
        start: 56,
        end: 69,
        codings: [{ guid: refiGuid('coding', 'Interview P01#1.0'), codeGuid: code('Feelings'), coderGuid: user('Coder B') }],
        place: anyPlace('project.qde'),
      },
    ]);
  });
});

describe('ATLAS.ti Windows 23 export', () => {
  const project = read(atlasRecipe);

  it('normalises braced upper-case GUIDs, finds Project.qde and Sources/, and keeps Parent::Child names flat', () => {
    expect(project).toMatchObject({ name: 'Garden study (synthetic)', origin: 'ATLAS.ti Windows 23', offsets: 'code-points', skipped: noSkipped, warnings: [] });
    expect(project.codes.map((each) => [each.guid, each.name, each.children.length])).toEqual([
      [code('Plants::Roses'), 'Plants::Roses', 0],
      [code('Plants::Weeds'), 'Plants::Weeds', 0],
      [code('Weather'), 'Weather', 0],
    ]);
    expect(project.sources.map((each) => each.guid)).toEqual([refiGuid('source', 'Diary 1')]);
  });

  it('leaves out the ATLAS.ti pseudo-user and falls back to the selection’s coder, else none', () => {
    expect(project.users).toEqual([{ guid: user('Analyst One'), name: 'Analyst One' }]);
    const diary = source(project, 'Diary 1');
    expect(diary.selections.map((selection) => selection.codings)).toEqual([
      [
        { guid: refiGuid('coding', 'Diary 1#0.0'), codeGuid: code('Plants::Roses'), coderGuid: user('Analyst One') },
        { guid: refiGuid('coding', 'Diary 1#0.1'), codeGuid: code('Weather'), coderGuid: user('Analyst One') },
      ],
      [{ guid: refiGuid('coding', 'Diary 1#1.0'), codeGuid: code('Plants::Weeds'), coderGuid: undefined }],
    ]);
  });

  it('reads code-point offsets with emoji before and inside selections', () => {
    const diary = source(project, 'Diary 1');
    expect(diary.text).toBe('Roses 🌹 bloomed after rain 🌧 today.\nWeeds too.');
    expect(diary.selections.map(({ start, end }) => [start, end])).toEqual([
      [0, 28],
      [36, 45],
    ]);
    expect(quotes(diary)).toEqual(['Roses 🌹 bloomed after rain 🌧', 'Weeds too']);
  });
});

describe('MAXQDA 2022 export', () => {
  const project = read(maxqdaRecipe);

  it('reads nested codes with upper-case GUIDs', () => {
    expect(project.codes).toEqual([
      {
        guid: code('Transport'),
        name: 'Transport',
        description: undefined,
        isCodable: true,
        children: [
          {
            guid: code('Bike'),
            name: 'Bike',
            description: undefined,
            isCodable: true,
            children: [{ guid: code('Bike/Other'), name: 'Other', description: undefined, isCodable: true, children: [] }],
          },
          { guid: code('Bus'), name: 'Bus', description: undefined, isCodable: true, children: [] },
        ],
      },
      { guid: code('Other'), name: 'Other', description: undefined, isCodable: true, children: [] },
    ]);
  });

  it('finds relative:// paths by their path, then by file name, and skips the PDF and the audio', () => {
    expect(project.skipped).toEqual({ pdf: 1, picture: 0, audio: 1, video: 0 });
    expect(project.sources.map((each) => [each.name, each.text])).toEqual([
      ['B01', 'I bike to work.\nSometimes the bus.'],
      ['B02', 'Walking, mostly.'],
    ]);
    expect(quotes(source(project, 'B01'))).toEqual(['I bike to work.', 'the bus']);
    expect(source(project, 'B01').selections[1]?.codings.map((coding) => [coding.codeGuid, coding.coderGuid])).toEqual([
      [code('Bus'), user('Reader Y')],
      [code('Bike/Other'), user('Reader Y')],
    ]);
    expect(quotes(source(project, 'B02'))).toEqual(['Walking']);
    expect(project.cases).toEqual([]);
    expect(project.warnings).toEqual([]);
  });
});

describe('QualCoder', () => {
  it('reads a Trial.qde project with inline PlainTextContent, entities decoded', () => {
    const project = read(qualcoderRecipe);
    expect(project.origin).toBe('QualCoder 3.5');
    const note = source(project, 'Note 1');
    expect(note.text).toBe('Traffic & sirens at night.\nQuiet mornings.');
    expect(quotes(note)).toEqual(['Traffic & sirens', 'Quiet mornings']);
    expect(note.selections[0]?.place).toMatchObject({ entry: 'Trial.qde' });
    expect(findOne(project.codes, (each) => each.name === 'Noise', 'code Noise').description).toBe('Sounds <loud> & "soft"');
  });

  it('reads a codebook in the urn:QDA-XML:codebook:1:0 namespace as a project with only codes', () => {
    const { project, problems } = readRefiBytes(strToU8(qualcoderCodebook()), 'codebook.qdc');
    expect(problems).toEqual([]);
    expect(project).toEqual({
      name: undefined,
      origin: 'QualCoder 3.5',
      modified: undefined,
      offsets: 'code-points',
      users: [],
      codes: [
        {
          guid: code('Sound'),
          name: 'Sound',
          description: 'Anything heard',
          isCodable: false,
          children: [
            { guid: code('Noise'), name: 'Noise', description: undefined, isCodable: true, children: [] },
            { guid: code('Music'), name: 'Music', description: undefined, isCodable: true, children: [] },
          ],
        },
        { guid: code('Quiet'), name: 'Quiet', description: undefined, isCodable: false, children: [] },
      ],
      sources: [],
      skipped: noSkipped,
      variables: [],
      cases: [],
      warnings: [],
    });
  });
});
