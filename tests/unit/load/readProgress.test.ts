import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStudy } from '../../../src/load/loadStudy.ts';
import { csvSource } from '../../../src/sources/csv/csvSource.ts';
import { fixturePosts, removeStudyFixtures, writeStudyFixture } from '../../helpers/studyFixture.ts';

afterAll(removeStudyFixtures);

describe('progress while a dataset is read', () => {
  it('says how many rows of which file have been read, now and then, for a big file', () => {
    const [header, ...rows] = fixturePosts.trimEnd().split('\n');
    const many = Array.from({ length: 140_000 }, (_, index) => rows[index % rows.length]!.replace(/^P\d+/, `P${index + 1}`));
    const dir = writeStudyFixture({ posts: `${header}\n${many.join('\n')}\n` });
    const messages: string[] = [];
    const result = loadStudy(csvSource('data', dirname(dir), (message) => messages.push(message)));
    expect(result.ok).toBe(true);
    expect(messages).toEqual(['Reading data/posts.csv: 65,536 rows', 'Reading data/posts.csv: 131,072 rows']);
  });

  it('says nothing for a small file', () => {
    const messages: string[] = [];
    const dir = writeStudyFixture();
    expect(loadStudy(csvSource('data', dirname(dir), (message) => messages.push(message))).ok).toBe(true);
    expect(messages).toEqual([]);
  });
});
