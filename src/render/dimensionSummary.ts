import { extent, max, mean } from 'd3-array';
import type { DimensionReport, Report } from '../model/report.ts';
import { countOf, formatCount, formatShare } from '../format/format.ts';

/** A participant's own ranking is only telling with a few coded units behind it. */
const minimumUnitsForRanking = 5;

/**
 * The summary paragraph of a dimension's chapter, computed from the data: how much was
 * coded, what ranks first, how concentrated the codes are, and how participants differ.
 */
export function dimensionSummary(dimension: DimensionReport, report: Report): string[] {
  const language = report.study.language;
  const dataset = report.datasets.find((candidate) => candidate.id === dimension.dataset)!;
  const people = report.participants.label;
  const measure = dimension.countBy === 'participants' ? people : dataset.unit;
  const topLevel = [...dimension.codes].filter((code) => code.depth === 0).sort((a, b) => b.n - a.n);
  const [first, second] = topLevel;
  const sentences: string[] = [];

  sentences.push(
    `${capitalise(countOf(dimension.codedUnits, dataset.unit, language))} from ${countOf(dimension.codedParticipants, people, language)} were coded on this dimension` +
      (dimension.notCodedUnits > 0 ? `; ${formatCount(dimension.notCodedUnits, language)} were not, and are left out of its shares.` : '.'),
  );
  if (!first || first.n === 0) return sentences;

  sentences.push(
    `${first.label} ranks first: ${formatCount(first.n, language)} of ${countOf(dimension.denominator, measure, language)} (${formatShare(first.share, language)})` +
      (second ? `, ahead of ${second.label} (${formatShare(second.share, language)}).` : '.'),
  );

  if (dimension.multiple) {
    const perUnit = dimension.codes.filter((code) => code.depth === 0).reduce((total, code) => total + code.n, 0) / Math.max(1, dimension.denominator);
    sentences.push(`Several codes may apply at once: on average each of the ${measure[1]} has ${perUnit.toFixed(1)} of the ${topLevel.length} codes.`);
  } else if (second) {
    const topTwo = first.share + second.share;
    const shape = first.share >= 0.5 ? 'one code dominates' : topTwo >= 0.6 ? 'the codes are concentrated in the first two' : 'the codes are spread out';
    sentences.push(`The first two codes together account for ${formatShare(topTwo, language)}: ${shape}.`);
  }

  if (dimension.countBy === 'units') {
    const ranked = dimension.byParticipant.filter((group) => group.denominator >= minimumUnitsForRanking);
    if (ranked.length >= 2) {
      const ledByFirst = ranked.filter((group) => (group.counts[first.id] ?? 0) === max(topLevel, (code) => group.counts[code.id] ?? 0));
      const [low, high] = extent(ranked, (group) => (group.counts[first.id] ?? 0) / group.denominator) as [number, number];
      sentences.push(
        `${first.label} is the most frequent code for ${formatCount(ledByFirst.length, language)} of the ${countOf(ranked.length, people, language)} with at least ${minimumUnitsForRanking} coded ${dataset.unit[1]}; ` +
          `its share ranges from ${formatShare(low, language)} to ${formatShare(high, language)} across them.`,
      );
    }
  } else {
    const codesPerPerson = mean(dimension.byParticipant, (group) => topLevel.filter((code) => (group.counts[code.id] ?? 0) > 0).length) ?? 0;
    sentences.push(`Each of the ${people[1]} reported ${codesPerPerson.toFixed(1)} of the ${topLevel.length} codes on average.`);
  }
  return sentences;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
