import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/load/parseYaml.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import {
  edit,
  fixtureCodebook,
  fixturePosts,
  fixtureProblems,
  fixtureReportProblems,
  fixtureStudy,
  removeStudyFixtures,
} from '../../helpers/studyFixture.ts';

afterAll(removeStudyFixtures);

const study = (from: string | RegExp, to: string) => fixtureProblems({ study: edit(fixtureStudy, from, to) });
const codebook = (from: string | RegExp, to: string) => fixtureProblems({ codebook: edit(fixtureCodebook, from, to) });

describe('parseYaml', () => {
  it('gives the value and the line of any key path', () => {
    const result = parseYaml('a: 1\nb:\n  c: [x, y]\n  d:\n    - e: 2\n', 'data/x.yaml');
    if (!result.ok) throw new Error('expected readable YAML');
    expect(result.file.value).toEqual({ a: 1, b: { c: ['x', 'y'], d: [{ e: 2 }] } });
    expect(result.file.lineOf(['a'])).toBe(1);
    expect(result.file.lineOf(['b', 'c', 1])).toBe(3);
    expect(result.file.lineOf(['b', 'd', 0, 'e'])).toBe(5);
  });

  it('gives the line of a key whose value starts on the next line', () => {
    const result = parseYaml('a: 1\nb:\n  c: 2\nd:\n  - x\n', 'data/x.yaml');
    if (!result.ok) throw new Error('expected readable YAML');
    expect(result.file.lineOf(['b'])).toBe(2);
    expect(result.file.lineOf(['d'])).toBe(4);
    expect(result.file.lineOf(['d', 0])).toBe(5);
  });

  it('falls back to the line of the nearest key that exists', () => {
    const result = parseYaml('a: 1\nb:\n  c: 2\n', 'data/x.yaml');
    if (!result.ok) throw new Error('expected readable YAML');
    expect(result.file.lineOf(['b', 'missing', 'deeper'])).toBe(2);
  });

  it('keeps dates as written, not as timestamps', () => {
    const result = parseYaml('date: 2024-06-01\n', 'data/x.yaml');
    expect(result.ok && result.file.value).toEqual({ date: '2024-06-01' });
  });

  it('reports an unclosed quote at the line where it opens', () => {
    const result = parseYaml('a: 1\nb: "open\nc: 2\nd: 3\n', 'data/x.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'data/x.yaml:2: expected a closing " for the quoted value that starts on this line; found the end of the file',
    ]);
  });

  it('reports only the first syntax error, not the cascade after it', () => {
    const result = parseYaml('a:\n  - x\n bad: [\n  c: 1\n  d: 2\ne: 3\n', 'data/x.yaml');
    expect(result.ok ? [] : result.problems).toHaveLength(1);
  });
});

describe('unreadable YAML', () => {
  it('names the line of an unclosed quote', () => {
    expect(study('title: A tiny forum study', 'title: "A tiny forum study')).toEqual([
      'data/study.yaml:2: expected a closing " for the quoted value that starts on this line; found the end of the file',
    ]);
  });

  it('names the line of a key given twice', () => {
    expect(study('license: CC-BY-4.0\n', 'license: CC-BY-4.0\ntitle: Again\n')).toEqual([
      'data/study.yaml:6: expected readable YAML; found Map keys must be unique',
    ]);
  });

  it('names the line of a tab used for indentation', () => {
    expect(codebook('    label: Tone\n', '\tlabel: Tone\n')).toEqual([
      'data/codebook.yaml:13: expected readable YAML; found Tabs are not allowed as indentation',
    ]);
  });

  it('reports both files when both are unreadable', () => {
    expect(
      fixtureProblems({
        study: edit(fixtureStudy, 'title: A tiny forum study', 'title: "A tiny forum study'),
        codebook: edit(fixtureCodebook, '    label: Tone\n', '\tlabel: Tone\n'),
      }),
    ).toEqual([
      'data/study.yaml:2: expected a closing " for the quoted value that starts on this line; found the end of the file',
      'data/codebook.yaml:13: expected readable YAML; found Tabs are not allowed as indentation',
    ]);
  });
});

describe('missing and empty YAML files', () => {
  it('reports a missing study.yaml', () => {
    expect(fixtureProblems({ study: null })).toEqual(['data/study.yaml: expected a readable file; found no such file']);
  });

  it('reports a missing codebook.yaml', () => {
    expect(fixtureProblems({ codebook: null })).toEqual(['data/codebook.yaml: expected a readable file; found no such file']);
  });

  it('reports an empty study.yaml', () => {
    expect(fixtureProblems({ study: '' })).toEqual(['data/study.yaml: expected content; found an empty file']);
  });

  it('reports a study.yaml holding only a comment', () => {
    expect(fixtureProblems({ study: '# to do\n' })).toEqual([
      'data/study.yaml: expected a mapping of keys to values; found an empty value',
    ]);
  });

  it('reports a study.yaml holding a list', () => {
    expect(fixtureProblems({ study: '- a\n- b\n' })).toEqual([
      'data/study.yaml:1: expected a mapping of keys to values; found a list of 2 item(s)',
    ]);
  });
});

describe('YAML type errors, with line and key path', () => {
  it('refuses illustrative: maybe', () => {
    expect(study('license: CC-BY-4.0\n', 'license: CC-BY-4.0\nillustrative: maybe\n')).toEqual([
      'data/study.yaml:6:illustrative: expected true or false; found "maybe"',
    ]);
  });

  it('refuses a period written as a string', () => {
    expect(study('period: { start: 2024-03-01, end: 2024-03-31 }', 'period: March 2024')).toEqual([
      'data/study.yaml:10:period: expected a mapping of keys to values; found "March 2024"',
    ]);
  });

  it('refuses an unknown choice deep in a dataset', () => {
    expect(study('publish: paraphrased', 'publish: public')).toEqual([
      'data/study.yaml:24:datasets.posts.text.publish: expected one of "none", "paraphrased", "verbatim-consented"; found "public"',
    ]);
  });

  it('refuses a unit that is not [singular, plural]', () => {
    expect(study('unit: [post, posts]', 'unit: post')).toEqual([
      'data/study.yaml:20:datasets.posts.unit: expected [singular, plural], e.g. [post, posts]; found "post"',
    ]);
    expect(study('unit: [post, posts]', 'unit: [post]')).toEqual([
      'data/study.yaml:20:datasets.posts.unit: expected [singular, plural], e.g. [post, posts]; found a list of 1 item(s)',
    ]);
  });

  it('reports a missing key at its mapping', () => {
    expect(study('    unit: [post, posts]\n', '')).toEqual([
      'data/study.yaml:18:datasets.posts.unit: expected [singular, plural], e.g. [post, posts]; found nothing (the key is missing)',
    ]);
    expect(study('title: A tiny forum study\n', '')).toEqual([
      'data/study.yaml:1:title: expected a text; found nothing (the key is missing)',
    ]);
  });

  it('refuses an empty text', () => {
    expect(study('title: A tiny forum study', 'title: ""')).toEqual(['data/study.yaml:2:title: expected a non-empty text; found ""']);
    expect(study('key: post_id', 'key: ""')).toEqual(['data/study.yaml:21:datasets.posts.key: expected a column name; found ""']);
  });

  it('refuses an impossible study date and a date in words', () => {
    expect(study('date: 2024-06-01', 'date: 2014-02-30')).toEqual([
      'data/study.yaml:4:date: expected a date written YYYY-MM-DD; found "2014-02-30"',
    ]);
    expect(study('date: 2024-06-01', 'date: yesterday')).toEqual([
      'data/study.yaml:4:date: expected a date written YYYY-MM-DD; found "yesterday"',
    ]);
  });

  it('refuses a period that ends before it starts, at its end', () => {
    expect(study('start: 2024-03-01', 'start: 2024-04-01')).toEqual([
      'data/study.yaml:10:period.end: expected period.end on or after period.start (2024-04-01); found "2024-03-31"',
    ]);
  });

  it('reports an impossible period date once, not also as out of order', () => {
    expect(study('start: 2024-03-01, end: 2024-03-31', 'start: 2024-04-01, end: 2024-02-30')).toEqual([
      'data/study.yaml:10:period.end: expected a date written YYYY-MM-DD; found "2024-02-30"',
    ]);
  });

  it('reports a wrong period and other problems of the same file together', () => {
    expect(
      fixtureProblems({ study: edit(edit(fixtureStudy, 'start: 2024-03-01', 'start: 2024-04-01'), 'version: 1.0.0', 'version: "1.0"') }),
    ).toEqual([
      'data/study.yaml:3:version: expected a version such as 1.0.0; found "1.0"',
      'data/study.yaml:10:period.end: expected period.end on or after period.start (2024-04-01); found "2024-03-31"',
    ]);
  });

  it('refuses an author with neither family nor literal, showing what is there', () => {
    expect(study('{ family: Tester, given: Pat }', '{ given: Pat }')).toEqual([
      'data/study.yaml:8:authors.0: expected an author with "family" (a person) or "literal" (an organisation); found a mapping with only the key "given"',
    ]);
  });

  it('refuses an ORCID iD with a wrong check digit, at its line, before anything renders', () => {
    expect(study('{ family: Tester, given: Pat }', '{ family: Tester, given: Pat, orcid: 0000-0002-1825-0098 }')).toEqual([
      'data/study.yaml:8:authors.0.orcid: expected an ORCID iD with a valid check digit (its last character, computed from the others: a digit is probably mistyped; copy the iD from orcid.org); found "0000-0002-1825-0098"',
    ]);
    expect(study('{ family: Tester, given: Pat }', '{ family: Tester, given: Pat, orcid: 0000-0002-9079-593X }')).toEqual([]);
  });

  it('refuses a title or an author name of only spaces, which no citation could carry', () => {
    expect(study('title: A tiny forum study', 'title: "   "')).toEqual(['data/study.yaml:2:title: expected a non-empty text; found "   "']);
    expect(study('{ family: Tester, given: Pat }', '{ family: " ", given: Pat }')).toEqual([
      'data/study.yaml:8:authors.0.family: expected a non-empty text; found " "',
    ]);
    // A dimension's label is the title of its default chart, which is cited.
    expect(codebook('    label: Tone\n', '    label: " "\n')).toEqual([
      'data/codebook.yaml:13:dimensions.1.label: expected a non-empty text; found " "',
    ]);
  });

  it('refuses a language that is no language tag, which numbers and dates could not be written in', () => {
    for (const language of ['en_US', 'english', 'e', '"en-"']) {
      expect(study('license: CC-BY-4.0\n', `license: CC-BY-4.0\nlanguage: ${language}\n`)).toEqual([
        `data/study.yaml:6:language: expected a language tag such as en, en-GB or de; found "${language.replaceAll('"', '')}"`,
      ]);
    }
    expect(study('license: CC-BY-4.0\n', 'license: CC-BY-4.0\nlanguage: de-CH\n')).toEqual([]);
  });

  it('refuses a control character written as a YAML escape, which no chart could draw', () => {
    expect(study('title: A tiny forum study', 'title: "A tiny\\x07 forum study"')).toEqual([
      'data/study.yaml:2:title: expected text; found the control character U+0007, which no page or chart can show (replace it with a space or a line break)',
    ]);
    expect(codebook('    label: Tone\n', '    label: "Tone\\0"\n')).toEqual([
      'data/codebook.yaml:13:dimensions.1.label: expected text; found the control character U+0000, which no page or chart can show (replace it with a space or a line break)',
    ]);
  });

  it('refuses a published address whose path must be %-escaped or has an empty segment, which Astro cannot serve as the base path', () => {
    for (const url of [
      'https://example.org/forum study/',
      'https://example.org/café/',
      'https://example.org/caf%C3%A9/',
      'https://example.org//forum/',
    ]) {
      expect(study('url: https://example.org/forum/', `url: "${url}"`)).toEqual([
        `data/study.yaml:6:url: expected a published address with a plain path: no "//", and no spaces, accents or other characters a URL must %-escape (write /cafe/, not /café/); found "${url}"`,
      ]);
    }
    expect(study('url: https://example.org/forum/', 'url: ftp://example.org/forum/')).toEqual([
      'data/study.yaml:6:url: expected the published address, starting https:// or http://; found "ftp://example.org/forum/"',
    ]);
    expect(study('url: https://example.org/forum/', "url: https://example.org/o'brien_2024~v1/")).toEqual([]);
  });

  it('refuses a study without authors or datasets', () => {
    expect(study('authors:\n  - { family: Tester, given: Pat }\n', 'authors: []\n')).toEqual([
      'data/study.yaml:7:authors: expected at least one author; found an empty list',
    ]);
    expect(study(/datasets:[\s\S]*/, 'datasets: {}\n')).toEqual([
      'data/study.yaml:17:datasets: expected at least one dataset; found an empty mapping',
    ]);
  });

  it('refuses a dataset id that is not an identifier', () => {
    expect(study('  posts:\n', '  Posts:\n')).toEqual([
      'data/study.yaml:18:datasets.Posts: expected an identifier of lower-case letters, digits, "_" or "-", starting with a letter; found "Posts"',
    ]);
  });

  it('refuses a number where a whole number at least 1 is expected', () => {
    expect(study(/$/, 'privacy: { min_cell: 0 }\n')).toEqual(['data/study.yaml:31:privacy.min_cell: expected at least 1; found 0']);
    expect(study(/$/, 'privacy: { min_cell: 2.5 }\n')).toEqual(['data/study.yaml:31:privacy.min_cell: expected a whole number; found 2.5']);
  });

  it('refuses a codebook type error with its dimension index path', () => {
    expect(codebook('multiple: true', 'multiple: yes')).toEqual([
      'data/codebook.yaml:6:dimensions.0.multiple: expected true or false; found "yes"',
    ]);
    expect(codebook('count: participants', 'count: people')).toEqual([
      'data/codebook.yaml:23:dimensions.2.count: expected one of "units", "participants"; found "people"',
    ]);
  });

  it('refuses a dimension without codes', () => {
    expect(codebook(/ {4}codes:\n {6}- \{ id: agree.*\n.*\n/, '    codes: []\n')).toEqual([
      'data/codebook.yaml:24:dimensions.2.codes: expected at least one code; found an empty list',
    ]);
  });
});

describe('based_on publications, formatted as references on every page', () => {
  // Checked with the rest of what the citations carry, in the build's first half.
  const basedOn = (item: string) => fixtureReportProblems({ study: edit(fixtureStudy, 'abstract:', `based_on:\n${item}\nabstract:`) });
  const expected =
    'expected CSL-JSON that citation-js can format as a reference (names such as { family: Doe, given: Jane }, dates such as { date-parts: [[2016, 3]] })';

  it('accepts a journal article as CSL-JSON', () => {
    expect(
      basedOn(
        '  - { type: article-journal, title: T, author: [{ family: Doe, given: Jane }], issued: { date-parts: [[2016]] }, DOI: 10.1108/JEA-03-2015-0024 }',
      ),
    ).toEqual([]);
  });

  it('refuses, at its key, a name or date citation-js cannot format', () => {
    expect(basedOn('  - type: article-journal\n    title: T\n    author: [{ family: 1 }]\n    issued: { raw: 2016 }')).toEqual([
      `data/study.yaml:12:based_on.0.author: ${expected}; found [{"family":1}]`,
      `data/study.yaml:13:based_on.0.issued: ${expected}; found {"raw":2016}`,
    ]);
    expect(basedOn('  - { type: book, title: T, issued: { date-parts: [[2020, 5, 1], [2019]] } }')).toEqual([
      `data/study.yaml:10:based_on.0.issued: ${expected}; found {"date-parts":[[2020,5,1],[2019]]}`,
    ]);
  });

  it('reports it with the problems of the data, which are still read', () => {
    const problems = fixtureReportProblems({
      study: edit(fixtureStudy, 'abstract:', 'based_on:\n  - { type: book, title: T, author: [{ given: 2 }] }\nabstract:'),
      posts: edit(fixturePosts, 'technology;software', 'technolgy'),
    });
    expect(problems).toEqual([
      `data/study.yaml:10:based_on.0.author: ${expected}; found [{"given":2}]`,
      expect.stringMatching(/^data\/posts\.csv:2:themes: /),
    ]);
  });
});

describe('misspelt YAML keys', () => {
  it('suggests period for perod', () => {
    expect(study('period:', 'perod:')).toEqual([
      'data/study.yaml:10:perod: expected only known keys; found "perod" (did you mean "period"?)',
    ]);
  });

  it('points at a misspelt key, not at the value below it', () => {
    expect(study('period: { start: 2024-03-01, end: 2024-03-31 }', 'perod:\n  start: 2024-03-01\n  end: 2024-03-31')).toEqual([
      'data/study.yaml:10:perod: expected only known keys; found "perod" (did you mean "period"?)',
    ]);
  });

  it('suggests a nested key, and still reports the key it replaced as missing', () => {
    expect(study('    participant: member_id\n    date:', '    partcipant: member_id\n    date:')).toEqual([
      'data/study.yaml:18:datasets.posts.participant: expected a text; found nothing (the key is missing)',
      'data/study.yaml:22:datasets.posts.partcipant: expected only known keys; found "partcipant" (did you mean "participant"?)',
    ]);
  });

  it('suggests a codebook key', () => {
    expect(codebook('    multiple: true', '    multipel: true')).toEqual([
      'data/codebook.yaml:6:dimensions.0.multipel: expected only known keys; found "multipel" (did you mean "multiple"?)',
    ]);
  });

  it('gives each unknown key its own line', () => {
    expect(study('license: CC-BY-4.0\n', 'license: CC-BY-4.0\nlicence: MIT\nauthor: Pat\n')).toEqual([
      'data/study.yaml:6:licence: expected only known keys; found "licence" (did you mean "license"?)',
      'data/study.yaml:7:author: expected only known keys; found "author" (did you mean "authors"?)',
    ]);
  });
});

describe('study.yaml and codebook.yaml checked against each other', () => {
  it('refuses a dimension pointing at a missing dataset, with did you mean', () => {
    expect(codebook('dataset: posts\n    column: themes', 'dataset: post\n    column: themes')).toEqual([
      'data/codebook.yaml:4:dimensions.theme.dataset: expected a dataset named in study.yaml (posts, notes); found "post" (did you mean "posts"?)',
    ]);
  });

  it('refuses a code listed twice in a dimension', () => {
    expect(
      codebook('{ id: software, label: Software, parent: technology }', '{ id: hardware, label: Software, parent: technology }'),
    ).toEqual(['data/codebook.yaml:10:dimensions.theme.codes.hardware: expected each code once in a dimension; found "hardware" twice']);
  });

  it('refuses a parent listed later, not earlier', () => {
    expect(
      codebook('{ id: software, label: Software, parent: technology }', '{ id: software, label: Software, parent: wellbeing }'),
    ).toEqual([
      'data/codebook.yaml:10:dimensions.theme.codes.software.parent: expected the id of a code listed earlier in this dimension; found "wellbeing"',
    ]);
  });

  it('refuses a misspelt parent, with did you mean', () => {
    expect(
      codebook('{ id: hardware, label: Hardware, parent: technology }', '{ id: hardware, label: Hardware, parent: technolgy }'),
    ).toEqual([
      'data/codebook.yaml:9:dimensions.theme.codes.hardware.parent: expected the id of a code listed earlier in this dimension; found "technolgy" (did you mean "technology"?)',
    ]);
  });

  it('refuses a code that is its own parent', () => {
    expect(codebook('{ id: wellbeing, label: Wellbeing }', '{ id: wellbeing, label: Wellbeing, parent: wellbeing }')).toEqual([
      'data/codebook.yaml:11:dimensions.theme.codes.wellbeing.parent: expected the id of a code listed earlier in this dimension; found "wellbeing"',
    ]);
  });

  it('refuses a dimension column that is also the key column', () => {
    expect(codebook('column: themes', 'column: post_id')).toEqual([
      'data/codebook.yaml:5:dimensions.theme.column: expected a column holding codes; found "post_id", which study.yaml already uses for dataset posts',
    ]);
  });

  it('refuses a column coded by two dimensions', () => {
    expect(codebook('column: tone', 'column: themes')).toEqual([
      'data/codebook.yaml:15:dimensions.tone.column: expected each column coded by one dimension; found "themes" also used by dimension theme',
    ]);
  });

  it('refuses a dimension id used twice', () => {
    expect(codebook('id: tone', 'id: theme')).toEqual([
      'data/codebook.yaml:12:dimensions.theme.id: expected each dimension id once; found "theme" again (first at dimension 1)',
    ]);
  });

  it('refuses one column used for two roles in a dataset', () => {
    expect(study('participant: member_id\n    date: posted_on', 'participant: post_id\n    date: posted_on')).toEqual([
      'data/study.yaml:22:datasets.posts.participant: expected a column different from key; found "post_id" used for both',
    ]);
  });

  it('reports the problems of both files together', () => {
    expect(
      fixtureProblems({
        study: edit(fixtureStudy, 'participant: member_id\n    date: posted_on', 'participant: post_id\n    date: posted_on'),
        codebook: edit(fixtureCodebook, 'dataset: notes', 'dataset: note'),
      }),
    ).toEqual([
      'data/study.yaml:22:datasets.posts.participant: expected a column different from key; found "post_id" used for both',
      'data/codebook.yaml:21:dimensions.stance.dataset: expected a dataset named in study.yaml (posts, notes); found "note" (did you mean "notes"?)',
    ]);
  });
});
