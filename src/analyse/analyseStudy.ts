import { extent, rollups } from 'd3-array';
import type { Dataset, Study } from '../model/study.ts';
import { analyseDimension } from './analyseDimension.ts';
import { periodDays } from './periodDays.ts';
import { suppressSmallCounts } from './suppressSmallCells.ts';
import type { AttributeSummary, DatasetSummary, MeasureRequests, Report } from '../model/report.ts';
import { chartMeasures } from './chartMeasures.ts';
import { byId } from '../model/byId.ts';
import { analyseReliability } from './reliability/datasetReliability.ts';

/** Analyse a loaded study into the report the site is rendered from. Pure: same study, same report. */
export function analyseStudy(study: Study, requests: MeasureRequests = { anyOf: [], coverage: [] }): Report {
  const config = study.metadata;
  const days = config.period && periodDays(config.period.start, config.period.end);
  const daysOf = (dataset: Dataset) => (dataset.dated ? (days ?? spannedDays(dataset)) : undefined);
  const attributes = study.attributes;
  return {
    study: {
      id: config.id,
      title: config.title,
      ...(config.subtitle === undefined ? {} : { subtitle: config.subtitle }),
      version: config.version,
      date: config.date,
      license: config.license,
      ...(config.publisher === undefined ? {} : { publisher: config.publisher }),
      url: config.url,
      language: config.language,
      authors: config.authors,
      abstract: config.abstract,
      basedOn: config.based_on,
      illustrative: config.illustrative,
      ...(config.notes === undefined ? {} : { notes: config.notes }),
      ...(config.doi === undefined ? {} : { doi: config.doi }),
      ...(config.period && days ? { period: { ...config.period, days: days.length } } : {}),
      fingerprint: study.fingerprint,
      minCell: config.privacy.min_cell,
    },
    participants: {
      total: study.participants.length,
      label: study.participantLabel,
      attributes: attributes.map(({ column, label }): AttributeSummary => ({
        column,
        label,
        values: attributeValues(study, column),
      })),
    },
    datasets: study.datasets.map((dataset) => summariseDataset(dataset, study, daysOf(dataset))),
    dimensions: study.dimensions.map((dimension) => {
      const dataset = byId(study.datasets, dimension.dataset, 'dataset');
      return analyseDimension(dimension, {
        units: dataset.units,
        participants: study.participants,
        attributes,
        ...(daysOf(dataset) ? { days: daysOf(dataset)! } : {}),
      });
    }),
    reliability: analyseReliability(study),
    measures: chartMeasures(study, requests),
  };
}

/**
 * Participants per value of an attribute. The total is published, so small groups are
 * suppressed with a second one when needed (privacy.min_cell): a group of 2 never shows its size.
 */
function attributeValues(study: Study, column: string): AttributeSummary['values'] {
  const counted = rollups(
    study.participants,
    (group) => group.length,
    (participant) => participant.attributes[column]!,
  );
  const hidden = suppressSmallCounts(
    counted.map(([, n]) => n),
    study.metadata.privacy.min_cell,
  );
  return counted.map(([value, n], index) => ({ value, n: hidden[index] ? null : n }));
}

function summariseDataset(dataset: Dataset, study: Study, days: readonly string[] | undefined): DatasetSummary {
  const excluded = rollups(
    dataset.excluded,
    (rows) => rows.length,
    (row) => row.reason,
  ).map(([reason, n]) => ({ reason, n }));
  const used = dataset.units.length;
  // Every row read is either analysed or excluded with a reason; anything else is a bug here.
  if (used + dataset.excluded.length !== dataset.rowsRead) throw new Error(`internal: ${dataset.source} rows do not add up`);
  const { perParticipant, perDay } = countUnits(dataset);
  const dayCounts = dataset.dated && days ? perDay : undefined;
  return {
    id: dataset.id,
    label: dataset.label,
    unit: dataset.unit,
    file: dataset.source,
    rowsRead: dataset.rowsRead,
    used,
    excluded,
    participants: perParticipant.size,
    perParticipant: [...perParticipant].map(([participant, n]) => ({ participant, n })),
    ...(dayCounts && days ? { days: days.map((day) => ({ day, n: dayCounts.get(day) ?? 0 })) } : {}),
    dimensions: study.dimensions.filter((dimension) => dimension.dataset === dataset.id).map((dimension) => dimension.id),
  };
}

/** Without a study period, a dated dataset is counted over the days its units span (the table lists each day a unit has once). */
function spannedDays(dataset: Dataset): string[] | undefined {
  const [first, last] = extent(dataset.units.days);
  return first === undefined || last === undefined ? undefined : periodDays(first, last);
}

/**
 * Units per participant, in order of each participant's first unit (the order charts list
 * equal totals in), and per day, in one pass over the table's columns: the table numbers
 * participants and days in order of their first unit, so counting by number keeps that order.
 */
function countUnits(dataset: Dataset): { perParticipant: Map<string, number>; perDay: Map<string, number> } {
  const units = dataset.units;
  const perParticipantNumber = new Int32Array(units.participants.length);
  const perDayNumber = new Int32Array(units.days.length);
  for (let row = 0; row < units.length; row++) {
    perParticipantNumber[units.participantOf[row]!]!++;
    const day = units.dayOf[row]!;
    if (day !== -1) perDayNumber[day]!++;
  }
  return {
    perParticipant: new Map(units.participants.map((participant, number) => [participant, perParticipantNumber[number]!] as const)),
    perDay: new Map(units.days.map((day, number) => [day, perDayNumber[number]!] as const)),
  };
}
