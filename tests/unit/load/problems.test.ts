import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, listOf, quoted, sortProblems, type Problem } from '../../../src/problems/problem.ts';
import { studyFiles } from '../../../src/load/studyFiles.ts';

describe('formatProblem', () => {
  it('writes file:line:field: message', () => {
    expect(formatProblem({ file: 'data/posts.csv', line: 4, field: 'tone', message: 'expected x; found y' })).toBe(
      'data/posts.csv:4:tone: expected x; found y',
    );
  });

  it('leaves out the parts a problem does not have', () => {
    expect(formatProblem({ file: 'data/posts.csv', line: 4, message: 'expected x; found y' })).toBe(
      'data/posts.csv:4: expected x; found y',
    );
    expect(formatProblem({ file: 'data/study.yaml', field: 'datasets', message: 'expected x; found y' })).toBe(
      'data/study.yaml:datasets: expected x; found y',
    );
    expect(formatProblem({ file: 'data/posts.csv', message: 'expected x; found y' })).toBe('data/posts.csv: expected x; found y');
    expect(formatProblem({ file: 'data/posts.csv', line: 1, field: '', message: 'expected x; found y' })).toBe(
      'data/posts.csv:1: expected x; found y',
    );
  });
});

describe('sortProblems', () => {
  it('keeps files in the order first reported and sorts each by line, file-wide problems first', () => {
    const problems: Problem[] = [
      { file: 'b.csv', line: 9, message: 'b9' },
      { file: 'a.csv', line: 3, message: 'a3' },
      { file: 'b.csv', line: 2, message: 'b2' },
      { file: 'b.csv', message: 'b-file' },
      { file: 'a.csv', line: 1, message: 'a1' },
      { file: 'b.csv', line: 2, message: 'b2-second' },
    ];
    expect(sortProblems(problems).map((problem) => problem.message)).toEqual(['b-file', 'b2', 'b2-second', 'b9', 'a1', 'a3']);
  });

  it('does not change the list it is given', () => {
    const problems: Problem[] = [
      { file: 'a.csv', line: 2, message: 'second' },
      { file: 'a.csv', line: 1, message: 'first' },
    ];
    sortProblems(problems);
    expect(problems.map((problem) => problem.message)).toEqual(['second', 'first']);
  });
});

describe('quoted', () => {
  it('quotes a value as JSON, escaping quotes', () => {
    expect(quoted('tech')).toBe('"tech"');
    expect(quoted('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoted(12)).toBe('"12"');
  });

  it('shortens a long value so a message stays on one line', () => {
    const long = 'x'.repeat(100);
    expect(quoted(long)).toBe(`"${'x'.repeat(57)}..."`);
  });
});

describe('listOf', () => {
  it('lists a few values in full', () => {
    expect(listOf(['agree', 'disagree'])).toBe('agree, disagree');
  });

  it('cuts a long list with a count', () => {
    expect(listOf(['a', 'b', 'c', 'd', 'e'], 3)).toBe('a, b, c, ... (5 in all)');
  });
});

describe('studyFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'qualpress-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('shows paths relative to the working directory', () => {
    expect(studyFiles('data', root).shown('posts.csv')).toBe(join('data', 'posts.csv'));
    expect(studyFiles(join(root, 'data'), root).shown('posts.csv')).toBe(join('data', 'posts.csv'));
  });

  it('shows a folder outside the working directory by its absolute path', () => {
    expect(studyFiles(root, join(root, 'elsewhere')).shown('posts.csv')).toBe(join(root, 'posts.csv'));
  });

  it('fingerprints only the files read successfully, in reading order', () => {
    writeFileSync(join(root, 'a.csv'), 'a\n1\n');
    writeFileSync(join(root, 'b.csv'), 'b\n2\n');
    const first = studyFiles(root, root);
    const empty = first.fingerprint();
    first.read('missing.csv');
    expect(first.fingerprint()).toBe(empty);
    first.read('a.csv');
    first.read('b.csv');
    const second = studyFiles(root, root);
    second.read('b.csv');
    second.read('a.csv');
    expect(first.fingerprint()).not.toBe(empty);
    expect(second.fingerprint()).not.toBe(first.fingerprint());
  });
});
