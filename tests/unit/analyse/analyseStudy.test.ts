import { describe, expect, it } from 'vitest';
import { analyseStudy } from '../../../src/analyse/analyseStudy.ts';
import { periodDays } from '../../../src/analyse/periodDays.ts';
import type { Dataset, Dimension, Study, Unit } from '../../../src/model/study.ts';
import { unitTableOf } from '../../../src/model/unitTable.ts';
import { studyConfig } from '../../../src/schemas/study.ts';
import { findOne } from '../../helpers/findOne.ts';

// A hand-made study whose every figure below was counted by hand from these rows.
const config = studyConfig.parse({
  id: 'hand',
  title: 'Hand-checked',
  version: '1.0.0',
  date: '2025-01-10',
  license: 'CC0-1.0',
  url: 'https://example.org/hand/',
  authors: [{ literal: 'Tester' }],
  abstract: 'A study counted by hand.',
  period: { start: '2025-01-01', end: '2025-01-04' },
  participants: { attributes: [{ column: 'team', label: 'Team' }] },
  datasets: {
    posts: { file: 'posts.csv', unit: ['post', 'posts'], key: 'id', participant: 'who', date: 'on', exclude: 'why' },
    notes: { file: 'notes.csv', unit: ['note', 'notes'], key: 'id', participant: 'who' },
  },
});

const theme: Dimension = {
  id: 'theme',
  label: 'Theme',
  dataset: 'posts',
  column: 'theme',
  multiple: true,
  count: 'units',
  codes: [
    { id: 'people', label: 'People', depth: 0 },
    { id: 'peers', label: 'Peers', parent: 'people', depth: 1 },
    { id: 'mentors', label: 'Mentors', parent: 'people', depth: 1 },
    { id: 'tools', label: 'Tools', depth: 0 },
  ],
};
const change: Dimension = {
  id: 'change',
  label: 'Change',
  dataset: 'notes',
  column: 'change',
  multiple: false,
  count: 'participants',
  codes: [
    { id: 'none', label: 'None', depth: 0 },
    { id: 'some', label: 'Some', depth: 0 },
  ],
};

const post = (line: number, participant: string, day: string, codes: string[]): Unit => ({
  origin: { file: 'data/posts.csv', line },
  key: `p${line}`,
  participant,
  day,
  codes: { theme: codes },
  text: undefined,
});
const note = (line: number, participant: string, codes: string[]): Unit => ({
  origin: { file: 'data/notes.csv', line },
  key: `n${line}`,
  participant,
  day: undefined,
  codes: { change: codes },
  text: undefined,
});

const posts: Dataset = {
  id: 'posts',
  label: 'Posts',
  unit: ['post', 'posts'],
  source: 'data/posts.csv',
  dated: true,
  textPublishing: 'none',
  rowsRead: 7,
  units: unitTableOf([
    post(2, 'a', '2025-01-01', ['peers']),
    post(3, 'a', '2025-01-01', ['peers', 'mentors']), // counts once under "people"
    post(4, 'b', '2025-01-02', ['tools']),
    post(5, 'b', '2025-01-02', ['people', 'tools']),
    post(6, 'c', '2025-01-04', []), // not coded on theme
  ]),
  excluded: [
    { origin: { file: 'data/posts.csv', line: 7 }, key: 'p7', reason: 'spam' },
    { origin: { file: 'data/posts.csv', line: 8 }, key: 'p8', reason: 'spam' },
  ],
};
const notes: Dataset = {
  id: 'notes',
  label: 'Notes',
  unit: ['note', 'notes'],
  source: 'data/notes.csv',
  dated: false,
  textPublishing: 'none',
  rowsRead: 4,
  units: unitTableOf([note(2, 'a', ['none']), note(3, 'a', ['some']), note(4, 'b', ['none']), note(5, 'c', [])]),
  excluded: [],
};

const { datasets: _datasets, participants: declaredParticipants, ...metadata } = config;
const study: Study = {
  origin: { file: 'data/study.yaml' },
  locate: () => ({ file: 'data/study.yaml' }),
  metadata,
  participantLabel: declaredParticipants.label,
  attributes: declaredParticipants.attributes,
  dimensions: [theme, change],
  participants: [
    { id: 'a', attributes: { team: 'red' } },
    { id: 'b', attributes: { team: 'blue' } },
    { id: 'c', attributes: { team: 'red' } },
  ],
  datasets: [posts, notes],
  fingerprint: 'f',
};

const report = analyseStudy(study);
const dimension = (id: string) => findOne(report.dimensions, (candidate) => candidate.id === id, `dimension ${id} in the report`);
const counts = (id: string) => Object.fromEntries(dimension(id).codes.map((code) => [code.id, code.n]));

describe('analyseStudy', () => {
  it('accounts for every row read: used plus excluded by reason', () => {
    const [summary] = report.datasets;
    expect(summary).toMatchObject({ rowsRead: 7, used: 5, participants: 3, excluded: [{ reason: 'spam', n: 2 }] });
  });

  it('counts units per code, a parent once per unit that has it or any child', () => {
    expect(counts('theme')).toEqual({ people: 3, peers: 2, mentors: 1, tools: 2 });
    expect(dimension('theme')).toMatchObject({ codedUnits: 4, notCodedUnits: 1, denominator: 4 });
    expect(findOne(dimension('theme').codes, (code) => code.id === 'people', 'code people in theme').share).toBe(0.75);
  });

  it('counts distinct participants when the codebook says so', () => {
    expect(counts('change')).toEqual({ none: 2, some: 1 });
    expect(dimension('change')).toMatchObject({ codedUnits: 3, notCodedUnits: 1, codedParticipants: 2, denominator: 2 });
    expect(dimension('change').codes.map((code) => code.share)).toEqual([1, 0.5]);
  });

  it('breaks counts down per participant in units', () => {
    expect(dimension('theme').byParticipant).toEqual([
      { group: 'a', denominator: 2, counts: { people: 2, peers: 2, mentors: 1 } },
      { group: 'b', denominator: 2, counts: { people: 1, tools: 2 } },
    ]);
  });

  it('breaks counts down per attribute value, as units or as participants', () => {
    expect(dimension('theme').byAttribute[0]!.groups).toEqual([
      { group: 'red', members: 2, denominator: 2, counts: { people: 2, peers: 2, mentors: 1 } },
      { group: 'blue', members: 1, denominator: 2, counts: { people: 1, tools: 2 } },
    ]);
    expect(dimension('change').byAttribute[0]!.groups).toEqual([
      { group: 'red', members: 2, denominator: 1, counts: { none: 1, some: 1 } },
      { group: 'blue', members: 1, denominator: 1, counts: { none: 1 } },
    ]);
  });

  it('counts each coded unit once under the top-level code of its first code, for split bars', () => {
    expect(dimension('theme').leading.byParticipant).toEqual([
      { group: 'a', denominator: 2, counts: { people: 2 } },
      { group: 'b', denominator: 2, counts: { tools: 1, people: 1 } },
    ]);
    expect(dimension('theme').leading.byDay!.map((day) => day.denominator)).toEqual([2, 2, 0, 0]);
  });

  it('computes the measures charts ask for: any of several codes, and units coded on any of several dimensions', () => {
    const measured = analyseStudy(study, {
      anyOf: [
        { dimension: 'theme', codes: ['mentors', 'tools'] },
        { dimension: 'change', codes: ['some'] },
      ],
      coverage: [{ dimensions: ['theme', 'change'] }],
    });
    expect(measured.measures.anyOf).toEqual([
      // posts 3 (mentors), 4 and 5 (tools), of the 4 coded posts
      { dimension: 'theme', codes: ['mentors', 'tools'], n: 3, of: 4 },
      // change counts participants: a reported "some", of a and b
      { dimension: 'change', codes: ['some'], n: 1, of: 2 },
    ]);
    expect(measured.measures.coverage).toEqual([{ dimensions: ['theme', 'change'], units: 7, participants: 2 }]);
  });

  it('counts per day over the whole period, days without units included', () => {
    expect(report.datasets[0]!.days).toEqual([
      { day: '2025-01-01', n: 2 },
      { day: '2025-01-02', n: 2 },
      { day: '2025-01-03', n: 0 },
      { day: '2025-01-04', n: 1 },
    ]);
    expect(dimension('theme').byDay!.map((day) => day.denominator)).toEqual([2, 2, 0, 0]);
    expect(dimension('change').byDay).toBeUndefined();
  });

  it('summarises participants per attribute value in order of appearance', () => {
    expect(report.participants).toMatchObject({
      total: 3,
      attributes: [
        {
          column: 'team',
          values: [
            { value: 'red', n: 2 },
            { value: 'blue', n: 1 },
          ],
        },
      ],
    });
  });

  it('refuses a dataset whose rows do not add up, rather than publish wrong totals', () => {
    expect(() => analyseStudy({ ...study, datasets: [{ ...posts, rowsRead: 8 }, notes] })).toThrow(/do not add up/);
  });
});

describe('periodDays', () => {
  it('lists every day across a month end and a leap day', () => {
    expect(periodDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });
});
