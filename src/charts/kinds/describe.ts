import type { DatasetSummary, DimensionReport, Report } from '../../model/report.ts';
import { countOf, formatCount } from '../../format/format.ts';

/** What a dimension's counts count: its dataset's units, or the study's participants. */
export function measureNoun(dimension: DimensionReport, dataset: DatasetSummary, report: Report): readonly [string, string] {
  return dimension.countBy === 'participants' ? report.participants.label : dataset.unit;
}

/** The line under a chart: the dataset, n, and how many units were not coded. */
export function sourceLine(dimension: DimensionReport, dataset: DatasetSummary, report: Report): string {
  const language = report.study.language;
  const coded =
    dimension.countBy === 'participants'
      ? `n = ${countOf(dimension.codedParticipants, report.participants.label, language)} with at least one coded ${dataset.unit[0]} (${formatCount(dimension.codedUnits, language)} coded ${dataset.unit[1]})`
      : `n = ${countOf(dimension.codedUnits, dataset.unit, language)} coded, from ${countOf(dimension.codedParticipants, report.participants.label, language)}`;
  const notCoded = dimension.notCodedUnits > 0 ? `; ${formatCount(dimension.notCodedUnits, language)} not coded on this dimension` : '';
  return `${dataset.label}, ${coded}${notCoded}.`;
}

/** "X ranks first, then Y and Z." for items already carrying their counts; ties are said as ties. */
export function describeRanking<T extends { n: number }>(items: readonly T[], describe: (item: T) => string): string {
  const ranked = [...items].sort((a, b) => b.n - a.n);
  const [first, second, third] = ranked;
  if (!first) return 'Nothing was coded.';
  if (first.n === 0) return 'Nothing was coded.';
  const tied = ranked.filter((item) => item.n === first.n);
  if (tied.length > 1) return `${tied.map(describe).join(' and ')} are level in first place.`;
  const rest = [second, third].filter((item): item is T => item !== undefined && item.n > 0);
  const ratio = second && second.n > 0 ? first.n / second.n : undefined;
  const margin = ratio !== undefined && ratio >= 1.5 ? `, ${ratio.toFixed(1)} times the next` : '';
  return `${describe(first)} ranks first${margin}${rest.length > 0 ? `, followed by ${rest.map(describe).join(' and ')}` : ''}.`;
}
