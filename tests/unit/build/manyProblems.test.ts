import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../../src/build/loadReport.ts';
import { problemCount, problemLines } from '../../../src/build/printProblems.ts';
import { fixturePosts, removeStudyFixtures, writeStudyFixture } from '../../helpers/studyFixture.ts';

afterAll(removeStudyFixtures);

// A codebook whose code was renamed, or a file from another study: a problem on every row.
// Hundreds of thousands of problems once overflowed the stack (they were passed to push()
// as arguments), and the build ended in a stack trace instead of its problem list.
describe('a study with a problem on each of 300,000 rows', () => {
  const [header] = fixturePosts.split('\n');
  const many = Array.from({ length: 300_000 }, (_, index) => `P${index + 1},M01,2024-03-02,technology,unknown-tone,A post,`);
  const data = writeStudyFixture({ posts: `${header}\n${many.join('\n')}\n` });
  const content = join(dirname(data), 'content');
  mkdirSync(content, { recursive: true });
  const result = loadReport(data, content, dirname(data));

  it('is reported, every row a problem at its line', () => {
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const onRows = problems.filter((problem) => problem.file === 'data/posts.csv' && problem.field === 'tone');
    expect(onRows).toHaveLength(300_000);
    expect(onRows[0]!.line).toBe(2);
    expect(onRows.at(-1)!.line).toBe(300_001);
  });

  it('prints 50 of them and counts the rest, with thousands separated', () => {
    const problems = result.ok ? [] : result.problems;
    const lines = problemLines(problems);
    expect(lines.filter((line) => line.startsWith('data/posts.csv:') && line.includes(':tone:'))).toHaveLength(50);
    expect(lines).toContain(
      `data/posts.csv: ... and ${(problems.filter((problem) => problem.file === 'data/posts.csv').length - 50).toLocaleString('en')} more problems in this file`,
    );
    expect(problemCount(problems)).toMatch(/^\d{3},\d{3} problems in the study package or its content$/);
  });
});
