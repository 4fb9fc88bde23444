import type { DimensionReport, Report } from '../model/report.ts';
import { formatCount, formatShare } from '../format/format.ts';
import { byId } from '../model/byId.ts';
import { capitaliseSentence, countWords, data, words, type Sentence } from './sentence.ts';

/**
 * The summary paragraph of a dimension's chapter, put into words from the analysed profile: how much was
 * coded, what ranks first, how concentrated the codes are, and how participants differ.
 */
export function dimensionSummary(dimension: DimensionReport, report: Report): Sentence[] {
  const language = report.study.language;
  const dataset = byId(report.datasets, dimension.dataset, 'dataset');
  const people = report.participants.label;
  const measure = dimension.countBy === 'participants' ? people : dataset.unit;
  const topLevel = [...dimension.codes].filter((code) => code.depth === 0).sort((a, b) => b.n - a.n);
  const [first, second] = topLevel;
  const sentences: Sentence[] = [];

  sentences.push(
    words`${capitaliseSentence(countWords(dimension.codedUnits, dataset.unit, language))} from ${countWords(dimension.codedParticipants, people, language)} were coded on this dimension${
      dimension.notCodedUnits > 0 ? `; ${formatCount(dimension.notCodedUnits, language)} were not, and are left out of its shares.` : '.'
    }`,
  );
  if (!first || first.n === 0) return sentences;

  sentences.push(
    words`${data(first.label)} ranks first: ${formatCount(first.n, language)} of ${countWords(dimension.denominator, measure, language)} (${formatShare(first.share, language)})${
      second ? words`, ahead of ${data(second.label)} (${formatShare(second.share, language)}).` : '.'
    }`,
  );

  const profile = dimension.profile;
  if (dimension.multiple) {
    sentences.push(
      words`Several codes may apply at once: on average each of the ${data(measure[1])} has ${profile.topCodesPerMember.toFixed(1)} of the ${topLevel.length} codes.`,
    );
  } else if (second) {
    const topTwo = first.share + second.share;
    const shape =
      first.share >= 0.5
        ? 'one code dominates'
        : topTwo >= 0.6
          ? 'the codes are concentrated in the first two'
          : 'the codes are spread out';
    sentences.push([`The first two codes together account for ${formatShare(topTwo, language)}: ${shape}.`]);
  }

  if (dimension.countBy === 'units') {
    if (profile.ranked >= 2 && profile.firstShareRange) {
      const [low, high] = profile.firstShareRange;
      sentences.push(
        words`${data(first.label)} is the most frequent code for ${formatCount(profile.ledByFirst, language)} of the ${countWords(profile.ranked, people, language)} with at least ${profile.rankingMinimum} coded ${data(dataset.unit[1])}; its share ranges from ${formatShare(low, language)} to ${formatShare(high, language)} across them.`,
      );
    }
  } else {
    sentences.push(
      words`Each of the ${data(people[1])} reported ${profile.codesPerParticipant.toFixed(1)} of the ${topLevel.length} codes on average.`,
    );
  }
  return sentences;
}
