import type { AttributeSummary, Report } from '../model/report.ts';
import { countOf, formatCount, formatDay } from '../format/format.ts';

/** The headline figures of the home page: participants, units per dataset, study period. */
export function keyFigures(report: Report): { label: string; value: string; detail?: string }[] {
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
      detail:
        `${countOf(dataset.used, dataset.unit, language)} from ${countOf(dataset.participants, participants.label, language)}` +
        (dataset.rowsRead > dataset.used ? `; ${formatCount(dataset.rowsRead - dataset.used, language)} excluded` : ''),
    })),
    ...(study.period
      ? [
          {
            label: 'Study period',
            value: `${formatCount(study.period.days, language)} days`,
            detail: `${formatDay(study.period.start, language)} to ${formatDay(study.period.end, language)}`,
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
export function attributesDetail(attributes: readonly AttributeSummary[], minCell: number, language = 'en'): string {
  const value = (value: string) => (value === '' ? 'not given' : value);
  const parts = attributes.map(({ label, values }) =>
    values.length > mostValuesListed
      ? `${label}: ${formatCount(values.length, language)} values`
      : `${label}: ${values.map((entry) => `${value(entry.value)} ${entry.n === null ? 'not shown' : formatCount(entry.n, language)}`).join(', ')}`,
  );
  const hidden = attributes.some(({ values }) => values.length <= mostValuesListed && values.some((entry) => entry.n === null));
  return `${parts.join('. ')}.${hidden ? ` Groups of fewer than ${formatCount(minCell, language)}, and groups that would reveal their size, are not shown.` : ''}`;
}
