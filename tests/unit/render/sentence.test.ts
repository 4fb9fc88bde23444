import { afterAll, describe, expect, it } from 'vitest';
import { dimensionSummary } from '../../../src/render/dimensionSummary.ts';
import { attributesDetail } from '../../../src/render/keyFigures.ts';
import {
  capitaliseSentence,
  countWords,
  data,
  FSI,
  isolate,
  isolatedText,
  joinSentences,
  PDI,
  plainText,
  words,
  type Sentence,
} from '../../../src/render/sentence.ts';
import { chartCodebook, chartReport, removeChartFixtures } from '../../helpers/chartFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeChartFixtures);

const override = '\u202E';
const hebrew = 'חיובי';

describe('a generated sentence', () => {
  it("keeps qualpress's words as text and the study's text as data, merging adjacent words", () => {
    const sentence = words`${data('Technology')} ranks first: ${3} of ${countWords(5, ['post', 'posts'])}${'.'}`;
    expect(sentence).toEqual([data('Technology'), ' ranks first: 3 of 5 ', data('posts'), '.']);
    expect(plainText(sentence)).toBe('Technology ranks first: 3 of 5 posts.');
    expect(countWords(1, ['post', 'posts'])).toEqual(['1 ', data('post')]);
  });

  it('is plain text with each piece of data text between FSI and PDI where no markup can go', () => {
    const sentence = words`Examples: ${data(`${override}abc`)} and more`;
    expect(isolatedText(sentence)).toBe(`Examples: ${FSI}${override}abc${PDI} and more`);
    expect(isolate('x')).toBe('\u2068x\u2069');
  });

  it('joins sentences and capitalises the first letter, in words or in data', () => {
    expect(joinSentences([[data('a')], ['b.']], '; ')).toEqual([data('a'), '; b.']);
    expect(capitaliseSentence([data('posts'), ' were coded'])).toEqual([data('Posts'), ' were coded']);
    expect(capitaliseSentence(['two coders'])).toEqual(['Two coders']);
  });
});

describe('sentence builders with right-to-left data text', () => {
  /** Every piece of text outside data parts: none may hold a right-to-left letter or a direction control. */
  const wordsOnly = (sentence: Sentence) => sentence.filter((part) => typeof part === 'string').join('');
  const rightToLeft = /[\u0590-\u08FF\u202A-\u202E\u2066-\u2069]/;

  it('keep a code label with an override, or in Hebrew, in a data part, and the words after it outside: the dimension summary', () => {
    const codebook = chartCodebook
      .replace('label: Positive }', `label: "${override}Positive" }`)
      .replace('label: Negative }', `label: "${hebrew}" }`);
    const report = chartReport({ codebook });
    const tone = findOne(report.dimensions, (dimension) => dimension.id === 'tone', 'dimension tone');
    const sentences = dimensionSummary(tone, report);
    const ranks = findOne(sentences, (sentence) => plainText(sentence).includes(' ranks first: '), 'the sentence naming the first code');
    const first = ranks[0];
    expect(typeof first === 'object' && [`${override}Positive`, hebrew].includes(first.data)).toBe(true);
    expect(ranks[1]).toMatch(/^ ranks first: /);
    for (const sentence of sentences) expect(wordsOnly(sentence)).not.toMatch(rightToLeft);
  });

  it('keep participant attribute values in data parts: the key figures', () => {
    const detail = attributesDetail(
      [
        {
          column: 'team',
          label: 'Team',
          values: [
            { value: hebrew, n: 4 },
            { value: 'blue', n: 5 },
          ],
        },
      ],
      3,
    );
    expect(detail).toEqual([data('Team'), ': ', data(hebrew), ' 4, ', data('blue'), ' 5.']);
    expect(wordsOnly(detail)).not.toMatch(rightToLeft);
  });
});
