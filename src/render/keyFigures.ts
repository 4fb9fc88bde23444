import type { AttributeSummary, Report } from '../model/report.ts';
import { formatCount, formatDay } from '../format/format.ts';
import { countWords, data, joinSentences, words, type Sentence } from './sentence.ts';

/** One headline figure: a label standing alone, the figure, and a sentence (with data text) about it. */
export interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly detail?: Sentence;
}

/** The headline figures of the home page: participants, units per dataset, study period. */
export function keyFigures(report: Report): KeyFigure[] {
  const { study, participants, datasets } = report;
  const language = study.language;
  const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  return [
    {
      label: capital(participants.label[1]),
      value: formatCount(participants.total, language),
      ...(participants.attributes.length > 0 ? { detail: attributesDetail(participants.attributes, study.minCell, language) } : {}),
    },
    ...datasets.map((dataset) => ({
      label: dataset.label,
      value: formatCount(dataset.used, language),
      detail: words`${countWords(dataset.used, dataset.unit, language)} from ${countWords(dataset.participants, participants.label, language)}${
        dataset.rowsRead > dataset.used ? `; ${formatCount(dataset.rowsRead - dataset.used, language)} excluded` : ''
      }`,
    })),
    ...(study.period
      ? [
          {
            label: 'Study period',
            value: `${formatCount(study.period.days, language)} days`,
            detail: [`${formatDay(study.period.start, language)} to ${formatDay(study.period.end, language)}`],
          },
        ]
      : []),
  ];
}

/** Attributes with more values than this are summarised by how many values they have. */
const mostValuesListed = 8;

/**
 * "Role: Nurse 9, Manager 4. Region: North not shown, ...": participants per
 * attribute value, as analysed, where a group under privacy.min_cell (and any group that
 * would give its size away) has no count.
 */
export function attributesDetail(attributes: readonly AttributeSummary[], minCell: number, language = 'en'): Sentence {
  const value = (value: string) => (value === '' ? ['not given'] : [data(value)]);
  const parts = attributes.map(({ label, values }) =>
    values.length > mostValuesListed
      ? words`${data(label)}: ${formatCount(values.length, language)} values`
      : words`${data(label)}: ${joinSentences(
          values.map((entry) => words`${value(entry.value)} ${entry.n === null ? 'not shown' : formatCount(entry.n, language)}`),
          ', ',
        )}`,
  );
  const hidden = attributes.some(({ values }) => values.length <= mostValuesListed && values.some((entry) => entry.n === null));
  return words`${joinSentences(parts, '. ')}.${hidden ? ` Groups of fewer than ${formatCount(minCell, language)}, and groups that would reveal their size, are not shown.` : ''}`;
}
