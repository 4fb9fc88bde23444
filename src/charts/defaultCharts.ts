import type { Report } from '../model/report.ts';
import type { StudyOutline } from '../model/study.ts';
import { byId } from '../model/byId.ts';
import type { DefaultSubject, Shown } from './chartKind.ts';
import { chartKinds, kindNames, kindOf, type ChartDefinition } from './kinds/index.ts';

/** A declared chart and where it came from, or a default one made here. */
export interface PlannedChart {
  readonly id: string;
  readonly definition: ChartDefinition;
  readonly isDefault: boolean;
  readonly source?: string;
}

const slug = (id: string) => id.replace(/_/g, '-');

/** The dimensions and datasets no declared chart shows in its own right: each gets a default chart. */
function unshown(subjects: Required<Shown>, declared: readonly PlannedChart[]): Required<Shown> {
  const shown = declared.map(({ definition }) => kindOf(definition).shows(definition));
  const taken = (what: keyof Shown) => new Set(shown.flatMap((chart) => chart[what] ?? []));
  const left = (what: keyof Shown) => subjects[what].filter((id) => !taken(what).has(id));
  return {
    dimensions: left('dimensions'),
    timelines: left('timelines'),
    agreement: left('agreement'),
    characterAgreement: left('characterAgreement'),
  };
}

/** Ids in URL style, made unique against the declared charts' ids; a declared chart with the same id wins. */
function idMaker(declared: readonly PlannedChart[]): (id: string) => string {
  const taken = new Set(declared.map((chart) => chart.id));
  return (id) => {
    let candidate = id;
    for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${id}-${suffix}`;
    taken.add(candidate);
    return candidate;
  };
}

/**
 * A chart for every dimension and dated dataset that no declared chart shows, so a new
 * study gets a page per dimension with no configuration. Each kind says which subjects it
 * draws by default; exactly one kind takes each.
 */
export function defaultCharts(report: Report, declared: readonly PlannedChart[]): PlannedChart[] {
  const dated = report.datasets.filter((dataset) => dataset.days);
  const { dimensions, timelines, agreement, characterAgreement } = unshown(
    {
      dimensions: report.dimensions.map((dimension) => dimension.id),
      timelines: dated.map((dataset) => dataset.id),
      agreement: report.reliability.map((reliability) => reliability.dataset),
      characterAgreement: report.reliability.filter((reliability) => reliability.characters).map((reliability) => reliability.dataset),
    },
    declared,
  );
  const unique = idMaker(declared);
  const datasetOf = (id: string) => byId(report.datasets, id, 'dataset');
  const subjects: { id: string; subject: DefaultSubject }[] = [
    ...report.dimensions
      .filter((dimension) => dimensions.includes(dimension.id))
      .map((dimension) => ({ id: slug(dimension.id), subject: { type: 'dimension' as const, dimension, report } })),
    ...dated
      .filter((dataset) => timelines.includes(dataset.id))
      .map((dataset) => ({ id: `${slug(dataset.id)}-per-day`, subject: { type: 'timeline' as const, dataset, report } })),
    ...report.reliability.flatMap((reliability) => {
      const dataset = datasetOf(reliability.dataset);
      return [
        ...(agreement.includes(dataset.id)
          ? [{ id: `${slug(dataset.id)}-agreement`, subject: { type: 'agreement' as const, dataset, reliability, report } }]
          : []),
        ...(characterAgreement.includes(dataset.id)
          ? [
              {
                id: `${slug(dataset.id)}-character-agreement`,
                subject: { type: 'characterAgreement' as const, dataset, reliability, report },
              },
            ]
          : []),
      ];
    }),
  ];
  return subjects.flatMap(({ id, subject }) => {
    const offered = kindNames.flatMap((name) => chartKinds[name].defaultFor?.(subject as never) ?? []) as ChartDefinition[];
    if (offered.length > 1) throw new Error(`internal: ${offered.length} chart kinds offer a default for ${id}`);
    return offered.map((definition) => ({ id: unique(id), definition, isDefault: true }));
  });
}

/**
 * The ids default charts will have, from the outline alone: chapters can then be checked
 * against every chart id in the same run as the data, even when the data have problems.
 */
export function defaultChartIds(outline: StudyOutline, declared: readonly PlannedChart[]): string[] {
  const withReliability = outline.datasets.filter((dataset) => dataset.hasReliability);
  const { dimensions, timelines, agreement, characterAgreement } = unshown(
    {
      dimensions: outline.dimensions.map((dimension) => dimension.id),
      timelines: outline.datasets.filter((dataset) => dataset.dated).map((dataset) => dataset.id),
      agreement: withReliability.map((dataset) => dataset.id),
      characterAgreement: withReliability.filter((dataset) => dataset.hasSpans).map((dataset) => dataset.id),
    },
    declared,
  );
  const unique = idMaker(declared);
  return [
    ...dimensions.map((id) => unique(slug(id))),
    ...timelines.map((id) => unique(`${slug(id)}-per-day`)),
    ...outline.datasets.flatMap((dataset) => [
      ...(agreement.includes(dataset.id) ? [unique(`${slug(dataset.id)}-agreement`)] : []),
      ...(characterAgreement.includes(dataset.id) ? [unique(`${slug(dataset.id)}-character-agreement`)] : []),
    ]),
  ];
}
