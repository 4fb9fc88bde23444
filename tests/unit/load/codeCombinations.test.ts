import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStudy } from '../../../src/load/loadStudy.ts';
import type { Study } from '../../../src/model/study.ts';
import { csvSource } from '../../../src/sources/csv/csvSource.ts';
import { fixturePosts, removeStudyFixtures, writeStudyFixture } from '../../helpers/studyFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeStudyFixtures);

/** The fixture's posts, each row written `times` over with ids of their own. */
function repeatedPosts(times: number, themes: (index: number) => string): string {
  const [header, ...rows] = fixturePosts.trimEnd().split('\n');
  const valid = rows.filter((row) => !row.includes('advertising'));
  const many = Array.from({ length: times }, (_, index) => {
    const [, member, date, , tone, body] = valid[index % valid.length]!.split(',');
    return [`P${index + 1}`, member, date, themes(index), tone, body, ''].join(',');
  });
  return `${header}\n${many.join('\n')}\n`;
}

function posts(study: Study) {
  return findOne(study.datasets, (dataset) => dataset.id === 'posts', 'dataset posts').units;
}

function load(text: string): Study {
  const result = loadStudy(csvSource('data', dirname(writeStudyFixture({ posts: text }))));
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.study;
}

describe('units coded alike', () => {
  it('share one record of codes, cells of several codes included, whatever order the combinations come in', () => {
    const written = ['technology;software', 'wellbeing', '', 'hardware;wellbeing', 'software;technology'];
    const units = posts(load(repeatedPosts(3000, (index) => written[index % written.length]!)));
    expect(units.length).toBe(3000);
    // Five ways of writing the themes, times the tones the fixture's rows carry (the other dimension).
    const combinations = new Set([...units].map((unit) => JSON.stringify(unit.codes)));
    expect(units.codeSets.length).toBe(combinations.size);
    expect(units.codeSets.length).toBeLessThan(30);
    // Codes keep the order they were written in: the same codes in another order are another list.
    expect(units.at(0).codes.theme).toEqual(['technology', 'software']);
    expect(units.at(4).codes.theme).toEqual(['software', 'technology']);
  });

  it('still each have the codes of their own row past the thousands of cells kept for sharing', () => {
    // 5,000 cells written differently (the spaces around the codes differ) that give two combinations of codes.
    const spaces = (index: number, step: number) => ' '.repeat(Math.floor(index / step) % 20);
    const cell = (index: number) =>
      `${spaces(index, 1)}${index % 2 === 0 ? 'technology' : 'wellbeing'}${spaces(index, 20)};${spaces(index, 400)}software`;
    const study = load(repeatedPosts(5000, cell));
    const units = posts(study);
    for (const row of [0, 1, 4095, 4096, 4097, 4998, 4999]) {
      expect(units.at(row).codes.theme).toEqual([row % 2 === 0 ? 'technology' : 'wellbeing', 'software']);
    }
    const themes = [...units].map((unit) => unit.codes.theme!.join(';'));
    expect(themes.filter((theme) => theme === 'technology;software')).toHaveLength(2500);
    expect(themes.filter((theme) => theme === 'wellbeing;software')).toHaveLength(2500);
  });
});
