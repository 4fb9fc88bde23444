import { privateNamesFile, readPrivateNames } from '../../../src/sources/csv/csvSource.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkPublishedText,
  describeFinding,
  findEmails,
  findHandles,
  findNames,
  findPrivateText,
  findUrls,
  parsePrivateNames,
  type Finding,
  type PrivateNames,
} from '../../../src/load/checkPrivacy.ts';
import { formatProblem, type Problem } from '../../../src/problems/problem.ts';

/** What each finding covers in the text. */
const found = (text: string, findings: readonly Finding[]) =>
  findings.map((finding) => text.slice(finding.index, finding.index + finding.length));

describe('handles', () => {
  it.each([
    ['RT @jdoe: great thread', ['@jdoe']],
    ['.@jane_d thanks for this', ['@jane_d']],
    ['(@Jane.Doe) and @_x.', ['@Jane.Doe', '@_x']],
    ['@principal_01 started it', ['@principal_01']],
    ['Ask @ÉcoleNord about it', ['@ÉcoleNord']],
  ])('finds the handle in %j', (text, expected) => {
    expect(found(text, findHandles(text))).toEqual(expected);
  });

  it.each([
    'name@example.org',
    'meet @ 8pm in the hall',
    'meet @8pm or @10:30',
    'doors open @9am',
    'e.g. 3.5 points',
    'see [link]',
    'a @ sign alone',
    'user@host',
    'price 5@3',
  ])('finds no handle in %j', (text) => {
    expect(findHandles(text)).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['write to name@example.org', ['name@example.org']],
    ['jane.doe+visits@school.k12.ca.us.', ['jane.doe+visits@school.k12.ca.us']],
    ['end.first@example.org', ['end.first@example.org']],
  ])('finds the address in %j', (text, expected) => {
    expect(found(text, findEmails(text))).toEqual(expected);
  });

  it.each(['@jdoe', 'user@host', 'a @ b.org', 'e.g. 3.5'])('finds no address in %j', (text) => {
    expect(findEmails(text)).toEqual([]);
  });
});

describe('URLs', () => {
  it.each([
    ['https://x.y', ['https://x.y']],
    ['see http://example.org/a?b=c#d now', ['http://example.org/a?b=c#d']],
    ['(https://example.org/a).', ['https://example.org/a']],
    ['HTTPS://EXAMPLE.ORG', ['HTTPS://EXAMPLE.ORG']],
    ['www.example.org', ['www.example.org']],
    ['go to WWW.Example.org/x, then', ['WWW.Example.org/x']],
    ['example.org/path', ['example.org/path']],
    ['short t.co/abc and bit.ly', ['t.co/abc', 'bit.ly']],
    ['visit example.org.', ['example.org']],
    ['our site is school.k12.ca.us', ['school.k12.ca.us']],
    ['and school.co.uk too', ['school.co.uk']],
  ])('finds the URL in %j', (text, expected) => {
    expect(found(text, findUrls(text))).toEqual(expected);
  });

  it.each([
    'e.g. this',
    'i.e. that',
    'a 3.5 average',
    'at 8 a.m. sharp',
    'the U.S. and the U.K.',
    'a Ph.D. student',
    'built with Node.js',
    'see readme.md and file.py',
    'the end.The next day',
    'and/or',
    'version 1.0.0',
    'a link: [link]',
    'km/h',
    'St.Louis',
    'please tell.us more',
    'just do.it',
  ])('finds no URL in %j', (text) => {
    expect(findUrls(text)).toEqual([]);
  });
});

describe('names from the private list', () => {
  const names = parsePrivateNames("# Participants\nJane Doe\nOmar   # first name only\n\n  Zoë Lee  \nO'Brien\n", 'data/private/names.txt');

  it('reads one name a line, without comments or blank lines', () => {
    expect(names.count).toBe(4);
    expect([...names.lines.entries()]).toEqual([
      ['jane doe', 2],
      ['omar', 3],
      ['zoë lee', 5],
      ["o'brien", 6],
    ]);
  });

  it('matches whole words, in any case and spacing', () => {
    const text = "I met JANE  doe, omar and zoë lee; Mrs O'Brien too.";
    expect(found(text, findNames(text, names))).toEqual(['JANE  doe', 'omar', 'zoë lee', "O'Brien"]);
    expect(findNames(text, names).map((finding) => finding.entryLine)).toEqual([2, 3, 5, 6]);
  });

  it('does not match inside other words', () => {
    for (const text of ['Janet Doe', 'Omari', 'Omar_1', 'JaneDoe', 'Zoe Lee', 'Leeds']) expect(findNames(text, names), text).toEqual([]);
  });

  it('prefers the longer of two listed names', () => {
    const both = parsePrivateNames('Jane\nJane Doe\n', 'names.txt');
    const text = 'Jane Doe said';
    expect(found(text, findNames(text, both))).toEqual(['Jane Doe']);
    expect(findNames(text, both)[0]!.entryLine).toBe(2);
  });

  it('finds nothing with an empty list or none', () => {
    expect(findNames('Jane Doe', parsePrivateNames('# nobody yet\n', 'names.txt'))).toEqual([]);
    expect(findNames('Jane Doe', undefined)).toEqual([]);
  });
});

describe('all findings in a text', () => {
  it('reports an e-mail address once, not also its domain as a URL or a handle', () => {
    const text = 'mail jane@example.org';
    expect(findPrivateText(text).map((finding) => finding.kind)).toEqual(['email']);
  });

  it('reports a URL holding a handle once', () => {
    expect(findPrivateText('https://twitter.com/@jdoe').map((finding) => finding.kind)).toEqual(['url']);
  });

  it('reports every finding in order', () => {
    const names = parsePrivateNames('Jane Doe\n', 'names.txt');
    const text = 'Jane Doe (@jdoe, jane@example.org) posted www.example.org';
    expect(findPrivateText(text, names).map((finding) => finding.kind)).toEqual(['name', 'handle', 'email', 'url']);
  });

  it('finds nothing in the texts the generator writes', () => {
    for (const text of [
      'Culture is built in hallways and lunch lines, and it starts at the front door [link]',
      'RT: Our staff tried video feedback for parent updates this week. Simple and free [link]',
      'The best principals are in classrooms every day [link] #cpchat',
      'It is learning on my own schedule, at night, not at a workshop three hours away.',
    ]) {
      expect(findPrivateText(text), text).toEqual([]);
    }
  });
});

describe('problem messages', () => {
  const names = parsePrivateNames('Jane Doe\n', 'data/private/names.txt');
  const where = { file: 'data/tweets.csv', line: 12, field: 'text' };
  const problemsOf = (text: string) => {
    const problems: Problem[] = [];
    checkPublishedText(text, where, 'published text (text.publish: paraphrased)', names, problems);
    return problems.map(formatProblem);
  };
  const expected =
    'data/tweets.csv:12:text: expected published text (text.publish: paraphrased) without handles, e-mail addresses, URLs or real names; found';

  it('masks handles, addresses and URLs', () => {
    expect(problemsOf('RT @jdoe: hi')).toEqual([`${expected} a handle "@j***" at character 4`]);
    expect(problemsOf('write name@example.org')).toEqual([`${expected} an e-mail address "n***@e***.org" at character 7`]);
    expect(problemsOf('see https://example.org/x')).toEqual([`${expected} a URL "https://e***" at character 5`]);
    expect(problemsOf('see www.example.org')).toEqual([`${expected} a URL "www.e***" at character 5`]);
  });

  it('never repeats a listed name', () => {
    const lines = problemsOf('Thanks to jane doe');
    expect(lines).toEqual([`${expected} a name listed in data/private/names.txt (entry on line 1), at character 11`]);
    expect(lines.join('\n').toLowerCase()).not.toMatch(/jane|doe/);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(problemsOf('😀 @jdoe')).toEqual([`${expected} a handle "@j***" at character 3`]);
  });

  it('says nothing about a clean or empty text', () => {
    expect(problemsOf('A clean paraphrase [link]')).toEqual([]);
    expect(problemsOf('')).toEqual([]);
  });

  it('describes a name without the name', () => {
    const text = 'jane doe';
    expect(describeFinding(findNames(text, names)[0]!, text, names)).toBe(
      'a name listed in data/private/names.txt (entry on line 1), at character 1',
    );
  });
});

/** The names list as the CSV source reads it and the privacy checks compile it. */
function loadPrivateNames(dir: string, shown: (name: string) => string, problems: Problem[]): PrivateNames | undefined {
  const read = readPrivateNames(dir, shown(privateNamesFile), problems);
  return read && parsePrivateNames(read.text, read.file);
}

describe('loading the names list', () => {
  const root = mkdtempSync(join(tmpdir(), 'qualpress-names-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const shown = (name: string) => join('data', name);

  it('is no list when there is no private/names.txt', () => {
    const problems: Problem[] = [];
    expect(loadPrivateNames(join(root, 'none'), shown, problems)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('reads the list, and an empty file as no names', () => {
    const dir = join(root, 'study');
    mkdirSync(join(dir, 'private'), { recursive: true });
    writeFileSync(join(dir, 'private', 'names.txt'), '\uFEFFJane Doe\r\nOmar\r\n');
    const problems: Problem[] = [];
    const names = loadPrivateNames(dir, shown, problems);
    expect(names?.count).toBe(2);
    expect(names?.file).toBe(join('data', 'private', 'names.txt'));
    writeFileSync(join(dir, 'private', 'names.txt'), '');
    expect(loadPrivateNames(dir, shown, problems)?.count).toBe(0);
    expect(problems).toEqual([]);
  });

  it('reports a list that is not UTF-8, without its content', () => {
    const dir = join(root, 'latin1');
    mkdirSync(join(dir, 'private'), { recursive: true });
    writeFileSync(join(dir, 'private', 'names.txt'), Buffer.from('Zo\xeb Lee\n', 'latin1'));
    const problems: Problem[] = [];
    expect(loadPrivateNames(dir, shown, problems)).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      `${join('data', 'private', 'names.txt')}:1: expected UTF-8 text; found bytes that are not UTF-8 (save the file as UTF-8; it may be Latin-1 or Windows-1252)`,
    ]);
  });
});
