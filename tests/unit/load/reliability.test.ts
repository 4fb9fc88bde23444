import { afterAll, describe, expect, it } from 'vitest';
import {
  edit,
  fixtureCodebook,
  fixtureProblems,
  fixtureStudy,
  loadFixture,
  removeStudyFixtures,
  writeStudyFixture,
  type StudyParts,
} from '../../helpers/studyFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeStudyFixtures);

// The fixture's posts: P1 (technology;software, positive), P2 excluded, P3 (no theme, negative), P4 (hardware, positive).
const withReliability = edit(fixtureStudy, '    exclude: excluded\n', '    exclude: excluded\n    reliability: coders.csv\n');

function reliabilityParts(csv: string, study = withReliability): StudyParts {
  return { study, extra: { 'coders.csv': csv } };
}

describe('a reliability file', () => {
  it("is read into the dataset: each coder's codes per unit, coders in order of first appearance, the dimensions it gives", () => {
    const result = loadFixture(
      writeStudyFixture(
        reliabilityParts('post_id,coder,tone,themes\nP1,c2,positive,software;technology\nP1,c1,negative,\nP3,c1,negative,wellbeing\n'),
      ),
    );
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    const posts = findOne(result.study.datasets, (dataset) => dataset.id === 'posts', 'dataset posts');
    expect(posts.hasReliability).toBe(true);
    expect(posts.reliability).toEqual({
      origin: { file: 'data/coders.csv' },
      coders: ['c2', 'c1'],
      // Codebook order, whatever the order of the columns.
      dimensions: ['theme', 'tone'],
      codings: [
        { unit: 'P1', coder: 'c2', codes: { theme: ['software', 'technology'], tone: ['positive'] } },
        { unit: 'P1', coder: 'c1', codes: { theme: [], tone: ['negative'] } },
        { unit: 'P3', coder: 'c1', codes: { theme: ['wellbeing'], tone: ['negative'] } },
      ],
    });
  });

  it('reports every bad row at its line and column: unknown key and code (did you mean), duplicate row, several codes, empty and malformed coders', () => {
    const problems = fixtureProblems(
      reliabilityParts(
        [
          'post_id,coder,themes,tone',
          'P1,c1,technology;software,positive',
          'P1,c2,technology,postive',
          'p3,c1,wellbeing,',
          'P1,c1,wellbeing,negative',
          'P3,c2,,positive;negative',
          'P4,,hardware,positive',
          'P4,Coder 1,hardware;hardware,positive',
          '',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([
      'data/coders.csv:3:tone: expected a code of dimension tone (positive, negative); found "postive" (did you mean "positive"?)',
      'data/coders.csv:4:post_id: expected a post id of dataset posts; found "p3" (did you mean "P3"?)',
      'data/coders.csv:5:post_id: expected one row per post and coder; found post "P1" and coder "c1" again, already on line 2',
      'data/coders.csv:6:tone: expected one code (dimension tone is not multiple: true); found "positive;negative"',
      'data/coders.csv:7:coder: expected a coder id; found an empty cell',
      'data/coders.csv:8:coder: expected a coder id of lower-case letters, digits, "_" or "-", starting with a letter; found "Coder 1"',
      'data/coders.csv:8:themes: expected each code once in a cell; found "hardware;hardware"',
    ]);
  });

  it('enters the data fingerprint', () => {
    const fingerprint = (csv: string) => {
      const result = loadFixture(writeStudyFixture(reliabilityParts(csv)));
      return result.ok ? result.study.fingerprint : '';
    };
    expect(fingerprint('post_id,coder,tone\nP1,c1,positive\n')).not.toBe(fingerprint('post_id,coder,tone\nP1,c1,negative\n'));
  });

  it('accepts the key of an excluded row, and checks keys against every row of the dataset', () => {
    expect(fixtureProblems(reliabilityParts('post_id,coder,tone\nP2,c1,positive\nP2,c2,negative\n'))).toEqual([]);
  });

  it('refuses unknown columns and a missing key column, with did you mean', () => {
    expect(fixtureProblems(reliabilityParts('post_id,coder,theme,tone\nP1,c1,technology,positive\n'))).toEqual([
      `data/coders.csv:1:theme: expected only "post_id", "coder" and columns of dataset posts's dimensions (themes, tone); found "theme" (did you mean "themes"?)`,
    ]);
    expect(fixtureProblems(reliabilityParts('postid,coder,tone\nP1,c1,positive\n'))).toEqual([
      'data/coders.csv:1:post_id: expected a column "post_id" (the post id); found columns "postid", "coder", "tone" (did you mean "postid"?)',
      `data/coders.csv:1:postid: expected only "post_id", "coder" and columns of dataset posts's dimensions (themes, tone); found "postid" (did you mean "post_id"?)`,
    ]);
    expect(fixtureProblems(reliabilityParts('post_id,coder\nP1,c1\n'))).toEqual([
      "data/coders.csv:1:coder: expected at least one column of dataset posts's dimensions (themes, tone); found none",
    ]);
  });

  it('is a study file: refused under private/, and named in problems when missing', () => {
    const privateFile = edit(withReliability, 'reliability: coders.csv', 'reliability: private/coders.csv');
    expect(fixtureProblems({ study: privateFile })).toEqual([
      expect.stringMatching(/^data\/study\.yaml:\d+:datasets\.posts\.reliability: expected a file inside the study package/),
    ]);
    expect(fixtureProblems({ study: withReliability })).toEqual([expect.stringMatching(/^data\/coders\.csv: /)]);
  });

  it('names coders in study.yaml with identifiers, and refuses unknown keys with did you mean', () => {
    expect(
      fixtureProblems(reliabilityParts('post_id,coder,tone\nP1,c1,positive\n', `${withReliability}coders:\n  c1: Avery Example\n`)),
    ).toEqual([]);
    expect(fixtureProblems({ study: `${fixtureStudy}coders:\n  Coder One: Avery Example\n` })).toEqual([
      expect.stringMatching(/^data\/study\.yaml:\d+:coders\.Coder One: expected an identifier/),
    ]);
    expect(fixtureProblems({ study: edit(withReliability, 'reliability:', 'reliabilty:') })).toEqual([
      expect.stringMatching(/^data\/study\.yaml:\d+:datasets\.posts\.reliabilty: .*\(did you mean "reliability"\?\)/),
    ]);
  });
});

// Notes become spans of two source documents: S1 of 100 characters, S2 of 50.
const withSpans = edit(
  fixtureStudy,
  '    key: note_id\n    participant: member_id\n',
  '    key: note_id\n    participant: member_id\n    spans: { source: doc, start: from, end: to, lengths: sources.csv }\n',
);
const spanCodebook = fixtureCodebook;

function spanParts(notes: string, sources = 'source,characters\nS1,100\nS2,50\n'): StudyParts {
  return { study: withSpans, codebook: spanCodebook, notes, extra: { 'sources.csv': sources } };
}

describe('spans of source documents', () => {
  it('are read with each unit, and the sources with their lengths', () => {
    const result = loadFixture(
      writeStudyFixture(spanParts('note_id,member_id,stance,doc,from,to\nN1,M01,agree,S1,0,40\nN2,M02,disagree,S2,10,50\n')),
    );
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    const notes = findOne(result.study.datasets, (dataset) => dataset.id === 'notes', 'dataset notes');
    expect(notes.hasSpans).toBe(true);
    expect(notes.units.toArray().map((unit) => unit.span)).toEqual([
      { source: 'S1', start: 0, end: 40 },
      { source: 'S2', start: 10, end: 50 },
    ]);
    expect(notes.sources).toEqual([
      { id: 'S1', characters: 100 },
      { id: 'S2', characters: 50 },
    ]);
  });

  it('report a span outside its source, an end before its start, bad offsets and unknown sources', () => {
    const problems = fixtureProblems(
      spanParts(
        [
          'note_id,member_id,stance,doc,from,to',
          'N1,M01,agree,S1,0,101',
          'N2,M02,disagree,S2,30,20',
          'N3,M01,agree,S2,1.5,-3',
          'N4,M02,agree,S3,0,10',
          '',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([
      'data/notes.csv:2:to: expected an end within source S1 (at most 100 characters, as data/sources.csv says); found 101',
      'data/notes.csv:3:to: expected an end at or after the start (30); found 20',
      'data/notes.csv:4:from: expected a character offset (a whole number from 0); found "1.5"',
      'data/notes.csv:4:to: expected a character offset (a whole number from 0); found "-3"',
      'data/notes.csv:5:doc: expected a source id from data/sources.csv (S1, S2); found "S3"',
    ]);
  });

  it('need every source once in sources.csv, with a whole number of characters', () => {
    const problems = fixtureProblems(
      spanParts('note_id,member_id,stance,doc,from,to\nN1,M01,agree,S1,0,10\n', 'source,characters\nS1,100\nS1,90\n,5\nS2,many\n'),
    );
    expect(problems).toEqual([
      'data/sources.csv:3:source: expected each source once; found "S1", already on line 2',
      'data/sources.csv:4:source: expected a source id; found an empty cell',
      'data/sources.csv:5:characters: expected a length in characters (a whole number from 0); found "many"',
    ]);
  });

  it('are declared columns of the dataset: leaving one out is a missing column', () => {
    expect(fixtureProblems(spanParts('note_id,member_id,stance,doc,from\nN1,M01,agree,S1,0\n'))).toEqual([
      expect.stringMatching(/^data\/notes\.csv:1:to: expected a column "to" \(one past the last character \(spans\.end\)\)/),
    ]);
  });
});
