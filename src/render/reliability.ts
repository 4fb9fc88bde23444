import { formatCoefficient, formatCount, formatShare } from '../format/format.ts';
import { alphaReading, reliableAlpha, tentativeAlpha } from '../charts/kinds/agreementReading.ts';
import { byId } from '../model/byId.ts';
import type { DatasetReliability, DimensionReliability, Report } from '../model/report.ts';
import { capitaliseSentence, countWords, data, joinSentences, words, type Sentence } from './sentence.ts';

/** The dataset's agreement figures and the dimension's, for a dimension that has them. */
export function reliabilityOf(
  report: Pick<Report, 'reliability'>,
  dimension: string,
): { dataset: DatasetReliability; figures: DimensionReliability } {
  for (const dataset of report.reliability) {
    const figures = dataset.dimensions.find((candidate) => candidate.dimension === dimension);
    if (figures) return { dataset, figures };
  }
  // Chapters are checked against the report before pages render: a miss is a bug.
  throw new Error(`internal: no reliability figures for dimension "${dimension}"`);
}

/** "Avery Example and Sam Example": the coders' names (from study.yaml or the file) as data text. */
function coderNames(reliability: Pick<DatasetReliability, 'coders'>): Sentence {
  const names = reliability.coders.map((coder) => [data(coder.name)]);
  if (names.length <= 1) return names[0] ?? ['no coder'];
  return joinSentences([joinSentences(names.slice(0, -1), ', '), names.at(-1)!], ' and ');
}

const smallNumbers = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "two", "12": small counts in words in English prose, as style guides ask; digits otherwise. */
function countInWords(n: number, language: string): string {
  return language.startsWith('en') && n < smallNumbers.length ? smallNumbers[n]! : formatCount(n, language);
}

/** Where an alpha stands against Krippendorff's conventional thresholds, in words that follow the figure. */
export function alphaReadingText(alpha: number, language: string): string {
  const reliable = formatCoefficient(reliableAlpha, language);
  const tentative = formatCoefficient(tentativeAlpha, language);
  switch (alphaReading(alpha)) {
    case 'reliable':
      return `at or above the ${reliable} Krippendorff (2004) takes as reliable`;
    case 'tentative':
      return `below the ${reliable} Krippendorff (2004) takes as reliable but above the ${tentative} he requires for tentative conclusions`;
    default:
      return `below the ${tentative} Krippendorff (2004) requires even for tentative conclusions`;
  }
}

/**
 * The sentences `<Reliability dimension="..." />` writes for a methods chapter: who coded how
 * many units independently, alpha with its interval and its conventional reading, percent
 * agreement and kappa, and for a dimension of several codes a cell, the range of alpha per code.
 */
export function reliabilitySentences(report: Report, dimensionId: string): Sentence[] {
  const language = report.study.language;
  const { dataset: reliability, figures } = reliabilityOf(report, dimensionId);
  const dataset = byId(report.datasets, reliability.dataset, 'dataset');
  const dimension = byId(report.dimensions, dimensionId, 'dimension');
  const coders = reliability.coders.length;
  const named = reliability.coders.some((coder) => !/^Coder [A-Z]+$/.test(coder.name));
  const sentences: Sentence[] = [
    words`${capitaliseSentence([countInWords(coders, language)])} ${coders === 1 ? 'coder' : 'coders'}${named ? words` (${coderNames(reliability)})` : ''} independently coded ${formatCount(reliability.units, language)} of the ${countWords(reliability.of, dataset.unit, language)}.`,
  ];
  const name = data(dimension.label.toLowerCase());
  if (figures.alpha === null) {
    sentences.push(
      words`Krippendorff's alpha for ${name} is not defined: the values the coders gave do not vary, so there is no agreement to measure.`,
    );
    return sentences;
  }
  const interval = figures.interval
    ? ` (${formatShare(reliability.bootstrap.level, language)} CI ${formatCoefficient(figures.interval.low, language)} to ${formatCoefficient(figures.interval.high, language)})`
    : '';
  sentences.push(
    words`Krippendorff's alpha for ${name} was ${formatCoefficient(figures.alpha, language)}${interval}, ${alphaReadingText(figures.alpha, language)}, over ${countWords(figures.units, dataset.unit, language)} coded by at least two coders (${formatCount(figures.pairableValues, language)} pairable values).`,
  );
  const also = [
    ...(figures.percentAgreement === null ? [] : [`the coders agreed on ${formatShare(figures.percentAgreement, language)} of them`]),
    ...(figures.cohenKappa === null ? [] : [`Cohen's kappa was ${formatCoefficient(figures.cohenKappa, language)}`]),
    ...(figures.fleissKappa === null || coders === 2 ? [] : [`Fleiss' kappa was ${formatCoefficient(figures.fleissKappa, language)}`]),
  ];
  if (also.length > 0) sentences.push(capitaliseSentence([`${also.join(', and ')}.`]));
  if (dimension.multiple) {
    const perCode = figures.codes
      .filter((code) => code.alpha !== null)
      .map((code) => ({ alpha: code.alpha!, label: byId(dimension.codes, code.code, 'code').label }))
      .sort((a, b) => a.alpha - b.alpha);
    const [lowest, highest] = [perCode[0], perCode.at(-1)];
    if (lowest && highest && perCode.length > 1)
      sentences.push(
        words`Code by code, on presence or absence, alpha ranged from ${formatCoefficient(lowest.alpha, language)} (${data(lowest.label)}) to ${formatCoefficient(highest.alpha, language)} (${data(highest.label)}).`,
      );
  }
  return sentences;
}

/** One row of the reliability table: a dimension, or a code under it (`depth` 1). */
export interface ReliabilityTableRow {
  readonly label: string;
  readonly depth: number;
  /** Formatted cells in the order of `reliabilityTableColumns`; "–" where a figure is not defined or does not apply. */
  readonly cells: readonly string[];
}

export const reliabilityTableColumns = [
  'Units',
  'Coders',
  'Pairable values',
  "Krippendorff's alpha [95% CI]",
  'Agreement',
  "Cohen's kappa",
  "Fleiss' kappa",
] as const;

/** What the reliability table of one dataset shows, for the codebook appendix. */
export interface ReliabilityTable {
  readonly dataset: string;
  /** A sentence naming the dataset and the coders: data text isolated where shown. */
  readonly caption: Sentence;
  readonly rows: readonly ReliabilityTableRow[];
  readonly note: Sentence;
}

/**
 * The reliability tables of the codebook appendix: per dataset, one row per dimension with
 * units, coders, pairable values, alpha with its interval, percent agreement and the kappas,
 * and for a dimension of several codes a cell, a row per code with alpha on presence.
 */
export function reliabilityTables(report: Report, datasetId?: string): ReliabilityTable[] {
  const language = report.study.language;
  const none = '–';
  const coefficient = (value: number | null) => (value === null ? none : formatCoefficient(value, language));
  return report.reliability
    .filter((reliability) => datasetId === undefined || reliability.dataset === datasetId)
    .map((reliability) => {
      const dataset = byId(report.datasets, reliability.dataset, 'dataset');
      const level = formatShare(reliability.bootstrap.level, language);
      const rows = reliability.dimensions.flatMap((figures): ReliabilityTableRow[] => {
        const dimension = byId(report.dimensions, figures.dimension, 'dimension');
        const alpha =
          figures.alpha === null
            ? none
            : `${formatCoefficient(figures.alpha, language)}${figures.interval ? ` [${formatCoefficient(figures.interval.low, language)}, ${formatCoefficient(figures.interval.high, language)}]` : ''}`;
        return [
          {
            label: dimension.label,
            depth: 0,
            cells: [
              formatCount(figures.units, language),
              formatCount(figures.coders, language),
              formatCount(figures.pairableValues, language),
              alpha,
              figures.percentAgreement === null ? none : formatShare(figures.percentAgreement, language),
              coefficient(figures.cohenKappa),
              coefficient(figures.fleissKappa),
            ],
          },
          ...(dimension.multiple
            ? figures.codes.map((code) => ({
                label: byId(dimension.codes, code.code, 'code').label,
                depth: 1,
                cells: [
                  formatCount(code.units, language),
                  formatCount(code.coders, language),
                  formatCount(code.pairableValues, language),
                  coefficient(code.alpha),
                  code.percentAgreement === null ? none : formatShare(code.percentAgreement, language),
                  none,
                  none,
                ],
              }))
            : []),
        ];
      });
      return {
        dataset: dataset.id,
        caption: words`Agreement between coders: ${data(dataset.label)} (${formatCount(reliability.units, language)} of ${countWords(reliability.of, dataset.unit, language)}, coded independently by ${coderNames(reliability)})`,
        rows,
        note: words`Units: ${data(dataset.unit[1])} coded by at least two coders. ${
          `Alpha is Krippendorff's nominal alpha, with a ${level} percentile bootstrap interval ` +
          `from ${formatCount(reliability.bootstrap.resamples, language)} resamples of units; ${formatCoefficient(reliableAlpha, language)} or more is conventionally taken as reliable, ` +
          `${formatCoefficient(tentativeAlpha, language)} the least for tentative conclusions (Krippendorff, 2004). Agreement is the average share of agreeing pairs of coders. ` +
          (rows.some((row) => row.depth > 0) ? 'Indented rows give alpha per code, on whether each coder gave the code or not. ' : '') +
          '– : not defined for these data, or not applicable.'
        }`,
      };
    });
}
