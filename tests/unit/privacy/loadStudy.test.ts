import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/problems/problem.ts';
import {
  edit,
  fixtureCodebook,
  fixtureParticipants,
  fixturePosts,
  fixtureStudy,
  loadFixture,
  removeStudyFixtures,
  writeStudyFixture,
  type StudyParts,
} from '../../helpers/studyFixture.ts';

afterAll(removeStudyFixtures);

// The loader's privacy checks on the tiny forum study of tests/helpers/studyFixture.ts, whose
// posts publish their "body" column as paraphrases.

/** Write the fixture with these parts and a private names list, and return its problems as printed. */
function problems(parts: StudyParts, names?: string): string[] {
  const dir = writeStudyFixture(parts);
  if (names !== undefined) {
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'names.txt'), names);
  }
  const result = loadFixture(dir);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const posts = (body: string, excluded = '') =>
  edit(fixturePosts, 'P4,M01,2024-03-31,hardware,positive,New laptop,', `P4,M01,2024-03-31,hardware,positive,${body},${excluded}`);
const bodyProblem =
  'data/posts.csv:5:body: expected published text (text.publish: paraphrased) without handles, e-mail addresses, URLs or real names; found';

describe('publishable text', () => {
  it('refuses a handle, an e-mail address and a URL, one line each', () => {
    expect(problems({ posts: posts('"Thanks @jdoe, write to jane@example.org or see https://example.org/x"') })).toEqual([
      `${bodyProblem} a handle "@j***" at character 8`,
      `${bodyProblem} an e-mail address "j***@e***.org" at character 24`,
      `${bodyProblem} a URL "https://e***" at character 48`,
    ]);
  });

  it('refuses a name from private/names.txt without repeating it', () => {
    const found = problems({ posts: posts('Lunch with jane doe') }, '# participants\nJane Doe\n');
    expect(found).toEqual([`${bodyProblem} a name listed in data/private/names.txt (entry on line 2), at character 12`]);
    expect(found.join('\n').toLowerCase()).not.toMatch(/jane|doe/);
  });

  it('accepts placeholders and ordinary abbreviations', () => {
    expect(problems({ posts: posts('"e.g. 3.5 hours, @ 8pm, see [link]"') }, 'Jane Doe\n')).toEqual([]);
  });

  it('does not check text that is never published', () => {
    const study = edit(fixtureStudy, 'publish: paraphrased', 'publish: none');
    expect(problems({ study, posts: posts('Thanks @jdoe') }, 'Jane Doe\n')).toEqual([]);
  });

  it('does not check the text of an excluded row, but checks the published reason', () => {
    expect(problems({ posts: posts('Thanks @jdoe', 'spam') })).toEqual([]);
    expect(problems({ posts: posts('New laptop', 'reported by jane@example.org') })).toEqual([
      'data/posts.csv:5:excluded: expected a reason for excluding a row without handles, e-mail addresses, URLs or real names; found an e-mail address "j***@e***.org" at character 13',
    ]);
  });

  it('keeps the names list out of the data fingerprint and the study', () => {
    const without = loadFixture(writeStudyFixture());
    const dir = writeStudyFixture();
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'names.txt'), 'Quillon Farraday\n');
    const withNames = loadFixture(dir);
    expect(without.ok && withNames.ok).toBe(true);
    if (!without.ok || !withNames.ok) return;
    expect(withNames.study.fingerprint).toBe(without.study.fingerprint);
    expect(JSON.stringify(withNames.study)).not.toMatch(/quillon|farraday/i);
  });
});

describe('participants.csv', () => {
  it('refuses a handle, an address or a URL in an attribute value', () => {
    const participants = edit(edit(fixtureParticipants, 'M02,spring', 'M02,@spring_team'), 'M03,autumn', 'M03,www.autumn.org');
    expect(problems({ participants })).toEqual([
      'data/participants.csv:3:cohort: expected an attribute value without handles, e-mail addresses, URLs or real names; found a handle "@s***" at character 1',
      'data/participants.csv:4:cohort: expected an attribute value without handles, e-mail addresses, URLs or real names; found a URL "www.a***" at character 1',
    ]);
  });

  it('refuses a listed name as a participant id, but not in an attribute value', () => {
    const participants = 'member_id,cohort\nM01,Jordan\nM02,spring\nM03,autumn\nJordan,spring\n';
    expect(problems({ participants }, 'Jordan\n')).toEqual([
      'data/participants.csv:5:member_id: expected a pseudonymous participant id without handles, e-mail addresses, URLs or real names; found a name listed in data/private/names.txt (entry on line 1), at character 1',
    ]);
  });
});

describe('codebook examples', () => {
  it('refuses a handle or a URL in an example, at its line', () => {
    const codebook = edit(
      fixtureCodebook,
      '{ id: wellbeing, label: Wellbeing }',
      '{ id: wellbeing, label: Wellbeing, example: "Thanks @coach for bit.ly/rest" }',
    );
    expect(problems({ codebook })).toEqual([
      'data/codebook.yaml:11:dimensions.theme.codes.wellbeing.example: expected a codebook example without handles, e-mail addresses, URLs or real names; found a handle "@c***" at character 8',
      'data/codebook.yaml:11:dimensions.theme.codes.wellbeing.example: expected a codebook example without handles, e-mail addresses, URLs or real names; found a URL "b***" at character 19',
    ]);
  });
});
