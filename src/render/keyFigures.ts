import type { Report } from '../analyse/report.ts';
import { countOf, formatCount, formatDay } from './format.ts';

/** The headline figures of the home page: participants, units per dataset, study period. */
export function keyFigures(report: Report): { label: string; value: string; detail?: string }[] {
  const { study, participants, datasets } = report;
  const language = study.language;
  const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  return [
    { label: capital(participants.label[1]), value: formatCount(participants.total, language) },
    ...datasets.map((dataset) => ({
      label: dataset.label,
      value: formatCount(dataset.used, language),
      detail: `${countOf(dataset.used, dataset.unit, language)} from ${countOf(dataset.participants, participants.label, language)}` +
        (dataset.rowsRead > dataset.used ? `; ${formatCount(dataset.rowsRead - dataset.used, language)} excluded` : ''),
    })),
    ...(study.period
      ? [{ label: 'Study period', value: `${formatCount(study.period.days, language)} days`, detail: `${formatDay(study.period.start, language)} to ${formatDay(study.period.end, language)}` }]
      : []),
  ];
}
