import { afterAll, describe, expect, it } from 'vitest';
import type { Study, Unit } from '../../../src/model/study.ts';
import {
  edit,
  fixtureCodebook,
  fixtureNotes,
  fixtureParticipants,
  fixturePosts,
  fixtureProblems,
  fixtureStudy,
  loadFixture,
  removeStudyFixtures,
  writeStudyFixture,
  type StudyParts,
} from '../../helpers/studyFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeStudyFixtures);

function loaded(parts: StudyParts = {}): Study {
  const result = loadFixture(writeStudyFixture(parts));
  if (!result.ok)
    throw new Error(`expected the study to load; found problems:\n${result.problems.map((problem) => JSON.stringify(problem)).join('\n')}`);
  return result.study;
}

const posts = (from: string | RegExp, to: string) => fixtureProblems({ posts: edit(fixturePosts, from, to) });
const notes = (from: string | RegExp, to: string) => fixtureProblems({ notes: edit(fixtureNotes, from, to) });
const participants = (from: string | RegExp, to: string) => fixtureProblems({ participants: edit(fixtureParticipants, from, to) });
const dataset = (study: Study, id: string) => findOne(study.datasets, (entry) => entry.id === id, `dataset ${id}`);

const header = 'post_id,member_id,posted_on,themes,tone,body,excluded';

describe('the fixture study', () => {
  it('loads without problems', () => {
    expect(fixtureProblems()).toEqual([]);
  });

  it('reads the codebook with nested codes at their depth', () => {
    const theme = findOne(loaded().dimensions, (dimension) => dimension.id === 'theme', 'dimension theme');
    expect(theme).toMatchObject({ dataset: 'posts', column: 'themes', multiple: true, count: 'units' });
    expect(theme.codes.map(({ id, parent, depth }) => ({ id, parent, depth }))).toEqual([
      { id: 'technology', parent: undefined, depth: 0 },
      { id: 'hardware', parent: 'technology', depth: 1 },
      { id: 'software', parent: 'technology', depth: 1 },
      { id: 'wellbeing', parent: undefined, depth: 0 },
    ]);
    expect(loaded().dimensions.find((dimension) => dimension.id === 'stance')).toMatchObject({
      dataset: 'notes',
      multiple: false,
      count: 'participants',
    });
  });

  it('reads participants with their declared attributes', () => {
    expect(loaded().participants).toEqual([
      { id: 'M01', attributes: { cohort: 'spring' } },
      { id: 'M02', attributes: { cohort: 'spring' } },
      { id: 'M03', attributes: { cohort: 'autumn' } },
    ]);
  });

  it('reads each unit with its line, day, codes and publishable text', () => {
    expect(dataset(loaded(), 'posts')).toMatchObject({
      label: 'Posts',
      unit: ['post', 'posts'],
      source: 'data/posts.csv',
      dated: true,
      textPublishing: 'paraphrased',
      rowsRead: 4,
    });
    // Each unit as the model describes it (Unit's fields), whatever class the source builds it with.
    const asModel = ({ origin, key, participant, day, codes, text }: Unit) => ({ origin, key, participant, day, codes, text });
    expect(dataset(loaded(), 'posts').units.toArray().map(asModel)).toEqual([
      {
        origin: { file: 'data/posts.csv', line: 2 },
        key: 'P1',
        participant: 'M01',
        day: '2024-03-02',
        codes: { theme: ['technology', 'software'], tone: ['positive'] },
        text: 'Tried the new app',
      },
      {
        origin: { file: 'data/posts.csv', line: 4 },
        key: 'P3',
        participant: 'M03',
        day: '2024-03-09',
        codes: { theme: [], tone: ['negative'] },
        text: 'Too busy to post',
      },
      {
        origin: { file: 'data/posts.csv', line: 5 },
        key: 'P4',
        participant: 'M01',
        day: '2024-03-31',
        codes: { theme: ['hardware'], tone: ['positive'] },
        text: 'New laptop',
      },
    ]);
  });

  it('reads an undated dataset without days or text', () => {
    const units = dataset(loaded(), 'notes').units.toArray();
    expect(units.map((unit) => [unit.key, unit.day, unit.text, unit.codes])).toEqual([
      ['N1', undefined, undefined, { stance: ['agree'] }],
      ['N2', undefined, undefined, { stance: ['disagree'] }],
      ['N3', undefined, undefined, { stance: [] }],
    ]);
  });

  it('keeps the text out of the model when study.yaml says publish: none', () => {
    const study = loaded({ study: edit(fixtureStudy, 'publish: paraphrased', 'publish: none') });
    expect(
      dataset(study, 'posts')
        .units.toArray()
        .map((unit) => unit.text),
    ).toEqual([undefined, undefined, undefined]);
  });

  it('fingerprints the files read, and only changes when they do', () => {
    const one = loaded().fingerprint;
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded().fingerprint).toBe(one);
    expect(loaded({ notes: edit(fixtureNotes, 'N3,M03,', 'N3,M03,agree') }).fingerprint).not.toBe(one);
  });
});

describe('not coded and excluded rows', () => {
  it('reads an empty code cell as "not coded": an empty list', () => {
    const study = loaded();
    expect(findOne(dataset(study, 'posts').units.toArray(), (unit) => unit.key === 'P3', 'unit P3 in posts').codes.theme).toEqual([]);
    expect(findOne(dataset(study, 'notes').units.toArray(), (unit) => unit.key === 'N3', 'unit N3 in notes').codes.stance).toEqual([]);
  });

  it('reads a multiple-code cell of only separators and spaces as not coded', () => {
    const study = loaded({ posts: edit(fixturePosts, 'P3,M03,2024-03-09T14:30:00,,', 'P3,M03,2024-03-09T14:30:00, ; ,') });
    expect(findOne(dataset(study, 'posts').units.toArray(), (unit) => unit.key === 'P3', 'unit P3 in posts').codes.theme).toEqual([]);
  });

  it('trims spaces around codes in a multiple-code cell', () => {
    const study = loaded({ posts: edit(fixturePosts, 'technology;software', ' technology ; software ') });
    expect(dataset(study, 'posts').units.at(0).codes.theme).toEqual(['technology', 'software']);
  });

  it('counts an excluded row but does not analyse it: rowsRead == units + excluded', () => {
    const study = loaded();
    const posts = dataset(study, 'posts');
    expect(posts.excluded).toEqual([{ origin: { file: 'data/posts.csv', line: 3 }, key: 'P2', reason: 'advertising' }]);
    expect(posts.units.toArray().map((unit) => unit.key)).not.toContain('P2');
    for (const entry of study.datasets) expect(entry.rowsRead).toBe(entry.units.length + entry.excluded.length);
    expect([posts.rowsRead, posts.units.length, posts.excluded.length]).toEqual([4, 3, 1]);
  });

  it('does not check the codes, date or participant of an excluded row', () => {
    const study = loaded({
      posts: edit(fixturePosts, 'P2,M02,2024-03-05,wellbeing,,Spam link,advertising', 'P2,bot99,someday,spam,angry,Spam link,advertising'),
    });
    expect(dataset(study, 'posts').excluded).toEqual([{ origin: { file: 'data/posts.csv', line: 3 }, key: 'P2', reason: 'advertising' }]);
  });

  it('still checks the key of an excluded row for duplicates', () => {
    expect(posts('P2,M02,2024-03-05,wellbeing,,Spam link,advertising', 'P1,M02,2024-03-05,wellbeing,,Spam link,advertising')).toEqual([
      'data/posts.csv:3:post_id: expected a unique post id; found "P1", already on line 2',
    ]);
  });

  it('does not exclude a row whose reason is only spaces', () => {
    const study = loaded({ posts: edit(fixturePosts, 'Spam link,advertising', 'Spam link,  ') });
    expect(dataset(study, 'posts').excluded).toEqual([]);
    expect(
      dataset(study, 'posts')
        .units.toArray()
        .map((unit) => unit.key),
    ).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('refuses a study whose every row is excluded', () => {
    const study = edit(fixtureStudy, / {2}notes:[\s\S]*/, '');
    const codebook = edit(fixtureCodebook, / {2}- id: stance[\s\S]*/, '');
    const allExcluded = `${header}\nP1,M01,2024-03-02,,,x,duplicate\nP2,M02,2024-03-05,,,y,spam\n`;
    expect(fixtureProblems({ study, codebook, posts: allExcluded, notes: null })).toEqual([
      'data/study.yaml:datasets: expected at least one unit to analyse; found every row excluded',
    ]);
  });
});

describe('columns', () => {
  it('refuses a missing column', () => {
    const withoutTone = fixturePosts.replace(/^([^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*),[^,\n]*/gm, '$1');
    expect(withoutTone.split('\n')[0]).toBe('post_id,member_id,posted_on,themes,body,excluded');
    expect(fixtureProblems({ posts: withoutTone })).toEqual([
      'data/posts.csv:1:tone: expected a column "tone" (codes of dimension tone); found columns "post_id", "member_id", "posted_on", "themes", "body", "excluded"',
    ]);
  });

  it('refuses an extra column, with did you mean for a misspelt missing one', () => {
    expect(posts(header, header.replace(',tone,', ',tones,'))).toEqual([
      'data/posts.csv:1:tone: expected a column "tone" (codes of dimension tone); found columns "post_id", "member_id", "posted_on", "themes", "tones", "body", "excluded" (did you mean "tones"?)',
      'data/posts.csv:1:tones: expected only the columns named in study.yaml and codebook.yaml; found "tones" (did you mean "tone"?) (list it under datasets.posts.columns in study.yaml to keep it out of the analysis)',
    ]);
  });

  it('refuses an extra column that is no misspelling, without a hint', () => {
    const withEmail = fixturePosts.replace(/\n/g, ',x\n').replace(`${header},x`, `${header},author_email`);
    expect(fixtureProblems({ posts: withEmail })).toEqual([
      'data/posts.csv:1:author_email: expected only the columns named in study.yaml and codebook.yaml; found "author_email" (list it under datasets.posts.columns in study.yaml to keep it out of the analysis)',
    ]);
  });

  it('accepts an extra column listed under the dataset columns', () => {
    const withCoder = fixturePosts.replace(/\n/g, ',pat\n').replace(`${header},pat`, `${header},coder`);
    const study = edit(fixtureStudy, '    exclude: excluded\n', '    exclude: excluded\n    columns: [coder]\n');
    expect(fixtureProblems({ study, posts: withCoder })).toEqual([]);
  });

  it('refuses a column name given twice in the header', () => {
    const twice = fixturePosts.replace(/\n/g, ',\n').replace(`${header},`, `${header},tone`);
    expect(fixtureProblems({ posts: twice })).toEqual([
      'data/posts.csv:1:tone: expected each column name once in the header; found "tone" twice',
    ]);
  });

  it('reports a stray column given twice once as a duplicate and once as unexpected', () => {
    const twice = fixturePosts.replace(/\n/g, ',,\n').replace(`${header},,`, `${header},email,email`);
    expect(fixtureProblems({ posts: twice })).toEqual([
      'data/posts.csv:1:email: expected each column name once in the header; found "email" twice',
      'data/posts.csv:1:email: expected only the columns named in study.yaml and codebook.yaml; found "email" (list it under datasets.posts.columns in study.yaml to keep it out of the analysis)',
    ]);
  });

  it('refuses an extra column in participants.csv, which must hold no contact details', () => {
    expect(
      fixtureProblems({
        participants: 'member_id,cohort,email\nM01,spring,a@example.org\nM02,spring,b@example.org\nM03,autumn,c@example.org\n',
      }),
    ).toEqual([
      'data/participants.csv:1:email: expected only the columns named in study.yaml and codebook.yaml; found "email" (declare it under participants.attributes in study.yaml, or remove it: participants.csv must hold no names or contact details)',
    ]);
  });

  it('refuses a missing attribute column in participants.csv', () => {
    expect(fixtureProblems({ participants: 'member_id,cohrot\nM01,spring\nM02,spring\nM03,autumn\n' })).toEqual([
      'data/participants.csv:1:cohort: expected a column "cohort" (attribute "Cohort"); found columns "member_id", "cohrot" (did you mean "cohrot"?)',
      'data/participants.csv:1:cohrot: expected only the columns named in study.yaml and codebook.yaml; found "cohrot" (did you mean "cohort"?) (declare it under participants.attributes in study.yaml, or remove it: participants.csv must hold no names or contact details)',
    ]);
  });
});

describe('file-level problems in CSV files', () => {
  it('refuses an empty file', () => {
    expect(fixtureProblems({ posts: '' })).toEqual(['data/posts.csv: expected content; found an empty file']);
  });

  it('refuses a file of blank lines', () => {
    expect(fixtureProblems({ notes: '\n\n' })).toEqual(['data/notes.csv: expected a header row; found only empty lines']);
  });

  it('refuses a header with no rows', () => {
    expect(fixtureProblems({ posts: `${header}\n` })).toEqual(['data/posts.csv: expected at least one post; found only the header']);
    expect(fixtureProblems({ participants: 'member_id,cohort\n' })).toEqual([
      'data/participants.csv: expected at least one participant row; found only the header',
    ]);
  });

  it('does not call a file "only the header" when its rows are there but none can be read', () => {
    expect(fixtureProblems({ posts: `${header}\nP1,M01,2024-03-02,technology,positive,Tried it,,extra\n` })).toEqual([
      'data/posts.csv:2: expected 7 fields as in the header; found 8',
    ]);
    expect(fixtureProblems({ participants: 'member_id,cohort\nM01,2023,extra\n' })).toEqual([
      'data/participants.csv:2: expected 2 fields as in the header; found 3',
    ]);
  });

  it('refuses a missing dataset file', () => {
    expect(fixtureProblems({ notes: null })).toEqual(['data/notes.csv: expected a readable file; found no such file']);
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(
      posts('P3,M03,2024-03-09T14:30:00,,negative,Too busy to post,', 'P3,M03,2024-03-09T14:30:00,,negative,Too busy, to post,'),
    ).toEqual(['data/posts.csv:4: expected 7 fields as in the header; found 8']);
    expect(notes('N2,M02,disagree', 'N2,M02')).toEqual(['data/notes.csv:3: expected 3 fields as in the header; found 2']);
  });

  it('refuses an unterminated quote at the line where it opens', () => {
    expect(posts('Too busy to post,', '"Too busy to post,')).toEqual([
      'data/posts.csv:4: expected a closing double quote for the quoted field that starts on this line; found the end of the file',
    ]);
  });

  it('refuses Latin-1 bytes, naming their line', () => {
    const latin1 = Buffer.concat([
      Buffer.from('note_id,member_id,stance\nN1,M01,agree\nN2,M02,d'),
      Buffer.from([0xe9]),
      Buffer.from('saccord\n'),
    ]);
    expect(fixtureProblems({ notes: latin1 })).toEqual([
      'data/notes.csv:3: expected UTF-8 text; found bytes that are not UTF-8 (save the file as UTF-8; it may be Latin-1 or Windows-1252)',
    ]);
  });

  it('refuses a binary file', () => {
    expect(fixtureProblems({ posts: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) })).toEqual([
      'data/posts.csv:1: expected text; found a NUL byte (is this a binary file, or saved as UTF-16?)',
    ]);
  });

  it('refuses a file saved as UTF-16', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtureNotes, 'utf16le')]);
    expect(fixtureProblems({ notes: utf16 })).toEqual([
      'data/notes.csv:1: expected text; found a NUL byte (is this a binary file, or saved as UTF-16?)',
    ]);
  });
});

describe('accepted CSV variations', () => {
  it('accepts a byte-order mark, keeping the first column name intact', () => {
    const bom = '\uFEFF';
    const study = loaded({ posts: bom + fixturePosts, participants: bom + fixtureParticipants, study: bom + fixtureStudy });
    expect(
      dataset(study, 'posts')
        .units.toArray()
        .map((unit) => unit.key),
    ).toEqual(['P1', 'P3', 'P4']);
    expect(study.participants.map((participant) => participant.id)).toEqual(['M01', 'M02', 'M03']);
  });

  it('accepts CRLF line ends and keeps the right line numbers', () => {
    const crlf = fixturePosts.replace(/\n/g, '\r\n');
    expect(
      dataset(loaded({ posts: crlf }), 'posts')
        .units.toArray()
        .map((unit) => unit.origin.line),
    ).toEqual([2, 4, 5]);
    expect(fixtureProblems({ posts: edit(crlf, '2024-03-31', '2024-04-01') })).toEqual([
      'data/posts.csv:5:posted_on: expected a date within the study period 2024-03-01 to 2024-03-31; found "2024-04-01"',
    ]);
  });

  it('reads mixed CRLF and LF line ends as separate rows, not merged ones', () => {
    const lines = fixturePosts.split('\n');
    const mixed = lines.map((line, index) => line + (index === lines.length - 1 ? '' : index % 2 === 0 ? '\r\n' : '\n')).join('');
    expect(mixed).toContain('\r\n');
    expect(mixed).toMatch(/[^\r]\n/);
    const study = loaded({ posts: mixed });
    expect(dataset(study, 'posts').rowsRead).toBe(4);
    expect(
      dataset(study, 'posts')
        .units.toArray()
        .map((unit) => [unit.origin.line, unit.key]),
    ).toEqual([
      [2, 'P1'],
      [4, 'P3'],
      [5, 'P4'],
    ]);
  });

  it('keeps later rows on their own lines after a quoted field spanning lines', () => {
    const multiline = edit(fixturePosts, 'Tried the new app', '"Tried the new app.\nIt crashed twice,\nthen worked."');
    const study = loaded({ posts: multiline });
    expect(
      dataset(study, 'posts')
        .units.toArray()
        .map((unit) => [unit.origin.line, unit.key]),
    ).toEqual([
      [2, 'P1'],
      [6, 'P3'],
      [7, 'P4'],
    ]);
    expect(dataset(study, 'posts').units.at(0).text).toBe('Tried the new app.\nIt crashed twice,\nthen worked.');
    expect(fixtureProblems({ posts: edit(multiline, 'hardware', 'hardwar') })).toEqual([
      'data/posts.csv:7:themes: expected a code of dimension theme (technology, hardware, software, wellbeing); found "hardwar" (did you mean "hardware"?)',
    ]);
  });

  it('ignores blank lines, keeping the line numbers after them', () => {
    const blanks = edit(fixturePosts, '\nP3,', '\n\n\nP3,');
    expect(
      dataset(loaded({ posts: blanks }), 'posts')
        .units.toArray()
        .map((unit) => unit.origin.line),
    ).toEqual([2, 6, 7]);
  });

  it('reads spaces around a cell as not part of it', () => {
    const spaced = edit(fixturePosts, 'P4,M01,2024-03-31,hardware,positive', 'P4 , M01 , 2024-03-31 , hardware , positive');
    expect(dataset(loaded({ posts: spaced }), 'posts').units.at(-1)).toMatchObject({
      key: 'P4',
      participant: 'M01',
      day: '2024-03-31',
      codes: { theme: ['hardware'], tone: ['positive'] },
    });
  });
});

describe('codes', () => {
  it('refuses an unknown code, with did you mean for a shorthand', () => {
    expect(posts('technology;software', 'tech')).toEqual([
      'data/posts.csv:2:themes: expected a code of dimension theme (technology, hardware, software, wellbeing); found "tech" (did you mean "technology"?)',
    ]);
  });

  it('refuses an unknown code without a hint when nothing is close', () => {
    expect(notes('N2,M02,disagree', 'N2,M02,banana')).toEqual([
      'data/notes.csv:3:stance: expected a code of dimension stance (agree, disagree); found "banana"',
    ]);
  });

  it('refuses a code in the wrong letter case, suggesting the right one', () => {
    expect(notes('N1,M01,agree', 'N1,M01,Agree')).toEqual([
      'data/notes.csv:2:stance: expected a code of dimension stance (agree, disagree); found "Agree" (did you mean "agree"?)',
    ]);
  });

  it('refuses several codes in a cell of a single-code dimension', () => {
    expect(posts('P1,M01,2024-03-02,technology;software,positive', 'P1,M01,2024-03-02,technology;software,positive;negative')).toEqual([
      'data/posts.csv:2:tone: expected one code (dimension tone is not multiple: true); found "positive;negative"',
    ]);
  });

  it('refuses an unknown code in a multiple-code cell, naming only that code', () => {
    expect(posts('technology;software', 'technology;softwear')).toEqual([
      'data/posts.csv:2:themes: expected a code of dimension theme (technology, hardware, software, wellbeing); found "softwear" (did you mean "software"?)',
    ]);
  });

  it('refuses a code twice in one cell', () => {
    expect(posts('technology;software', 'software;technology;software')).toEqual([
      'data/posts.csv:2:themes: expected each code once in a cell; found "software;technology;software"',
    ]);
  });
});

describe('keys, participants and dates', () => {
  it('refuses a duplicate unit key, naming the first line', () => {
    expect(posts('P4,M01', 'P1,M01')).toEqual(['data/posts.csv:5:post_id: expected a unique post id; found "P1", already on line 2']);
  });

  it('refuses an empty unit key', () => {
    expect(notes('N2,M02', ',M02')).toEqual(['data/notes.csv:3:note_id: expected a note id; found an empty cell']);
  });

  it('refuses a participant id not in participants.csv, with did you mean', () => {
    expect(posts('P4,M01', 'P4,M1')).toEqual([
      'data/posts.csv:5:member_id: expected a participant id from participants.csv; found "M1" (did you mean "M01"?)',
    ]);
  });

  it('refuses an empty participant id', () => {
    expect(notes('N2,M02', 'N2,')).toEqual([
      'data/notes.csv:3:member_id: expected a participant id from participants.csv; found an empty cell',
    ]);
  });

  it('refuses a duplicate participant id, naming the first line', () => {
    expect(participants('M03,autumn', 'M01,autumn\nM03,autumn')).toEqual([
      'data/participants.csv:4:member_id: expected a unique participant id; found "M01", already on line 2',
    ]);
  });

  it('refuses an empty participant id in participants.csv', () => {
    expect(participants('M03,autumn', 'M03,autumn\n,spring')).toEqual([
      'data/participants.csv:5:member_id: expected a participant id; found an empty cell',
    ]);
  });

  it('refuses an impossible date', () => {
    expect(posts('2024-03-02', '2014-02-30')).toEqual([
      'data/posts.csv:2:posted_on: expected an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS); found "2014-02-30"',
    ]);
  });

  it('refuses a date in words', () => {
    expect(posts('2024-03-02', 'yesterday')).toEqual([
      'data/posts.csv:2:posted_on: expected an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS); found "yesterday"',
    ]);
  });

  it('refuses an empty date', () => {
    expect(posts('2024-03-02', '')).toEqual([
      'data/posts.csv:2:posted_on: expected an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS); found an empty cell',
    ]);
  });

  it('refuses a date outside the study period, on either side', () => {
    expect(posts('2024-03-02', '2024-02-29')).toEqual([
      'data/posts.csv:2:posted_on: expected a date within the study period 2024-03-01 to 2024-03-31; found "2024-02-29"',
    ]);
    expect(posts('2024-03-09T14:30:00', '2024-04-01T00:00:00')).toEqual([
      'data/posts.csv:4:posted_on: expected a date within the study period 2024-03-01 to 2024-03-31; found "2024-04-01T00:00:00"',
    ]);
  });

  it('accepts a date-time late on the last day of the period', () => {
    expect(posts('2024-03-31', '2024-03-31T23:59:59')).toEqual([]);
  });

  it('accepts any real date when the study has no period', () => {
    const study = edit(fixtureStudy, 'period: { start: 2024-03-01, end: 2024-03-31 }\n', '');
    expect(fixtureProblems({ study, posts: edit(fixturePosts, '2024-03-02', '1999-12-31') })).toEqual([]);
  });
});

describe('every problem in one run', () => {
  it('reports problems in every file, each file in line order', () => {
    const brokenPosts = [
      header,
      'P1,M01,2024-03-02,technology;software,positive,Tried the new app,',
      'P2,M02,2024-03-05,wellbeing,,Spam link,advertising',
      'P3,M03,2024-03-09T14:30:00,tech,negative,Too busy to post,',
      'P1,M01,2024-03-31,hardware,positive,New laptop,',
      'P5,M02,2024-02-30,wellbeing,neutral,Bad day,',
      'P6,M4,2024-03-10,,positive,Hello,',
      '',
    ].join('\n');
    expect(
      fixtureProblems({
        posts: brokenPosts,
        notes: edit(fixtureNotes, 'N2,M02,disagree', 'N2,M02,disagre'),
        participants: edit(fixtureParticipants, 'M03,autumn', 'M03,autumn\nM02,autumn'),
      }),
    ).toEqual([
      'data/participants.csv:5:member_id: expected a unique participant id; found "M02", already on line 3',
      'data/posts.csv:4:themes: expected a code of dimension theme (technology, hardware, software, wellbeing); found "tech" (did you mean "technology"?)',
      'data/posts.csv:5:post_id: expected a unique post id; found "P1", already on line 2',
      'data/posts.csv:6:posted_on: expected an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS); found "2024-02-30"',
      'data/posts.csv:6:tone: expected a code of dimension tone (positive, negative); found "neutral"',
      'data/posts.csv:7:member_id: expected a participant id from participants.csv; found "M4"',
      'data/notes.csv:3:stance: expected a code of dimension stance (agree, disagree); found "disagre" (did you mean "disagree"?)',
    ]);
  });

  it('reports row problems together with a wrong field count in the same file', () => {
    expect(
      posts(
        'P3,M03,2024-03-09T14:30:00,,negative,Too busy to post,\nP4,M01,2024-03-31',
        'P3,M03,2024-03-09T14:30:00,,negative,Too busy to post\nP4,M1,2024-03-31',
      ),
    ).toEqual([
      'data/posts.csv:4: expected 7 fields as in the header; found 6',
      'data/posts.csv:5:member_id: expected a participant id from participants.csv; found "M1" (did you mean "M01"?)',
    ]);
  });

  it('still checks the datasets when participants.csv has an unexpected column', () => {
    expect(
      fixtureProblems({
        participants: 'member_id,cohort,name\nM01,spring,Ann\nM02,spring,Bo\nM03,autumn,Cy\n',
        notes: edit(fixtureNotes, 'N1,M01', 'N1,M9'),
      }),
    ).toEqual([
      'data/participants.csv:1:name: expected only the columns named in study.yaml and codebook.yaml; found "name" (declare it under participants.attributes in study.yaml, or remove it: participants.csv must hold no names or contact details)',
      'data/notes.csv:2:member_id: expected a participant id from participants.csv; found "M9"',
    ]);
  });

  it('checks the rest when participants.csv cannot be read, without doubting every participant id', () => {
    expect(fixtureProblems({ participants: null, notes: edit(fixtureNotes, 'N2,M02,disagree', 'N2,M02,maybe') })).toEqual([
      'data/participants.csv: expected a readable file; found no such file',
      'data/notes.csv:3:stance: expected a code of dimension stance (agree, disagree); found "maybe"',
    ]);
  });
});
