import type { Report } from '../model/report.ts';
import type { StudyOutline } from '../model/study.ts';
import type { DefaultSubject } from './chartKind.ts';
import { chartKinds, kindNames, kindOf, type ChartDefinition } from './kinds/index.ts';

/** A declared chart and where it came from, or a default one made here. */
export interface PlannedChart {
  readonly id: string;
  readonly definition: ChartDefinition;
  readonly isDefault: boolean;
  readonly source?: string;
}

const slug = (id: string) => id.replace(/_/g, '-');

/** The dimensions and dated datasets no declared chart shows in its own right: each gets a default chart. */
function unshown(
  dimensionIds: readonly string[],
  datedIds: readonly string[],
  declared: readonly PlannedChart[],
): { dimensions: string[]; timelines: string[] } {
  const shown = declared.map(({ definition }) => kindOf(definition).shows(definition));
  const dimensions = new Set(shown.flatMap((what) => what.dimensions ?? []));
  const timelines = new Set(shown.flatMap((what) => what.timelines ?? []));
  return { dimensions: dimensionIds.filter((id) => !dimensions.has(id)), timelines: datedIds.filter((id) => !timelines.has(id)) };
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
  const { dimensions, timelines } = unshown(
    report.dimensions.map((dimension) => dimension.id),
    dated.map((dataset) => dataset.id),
    declared,
  );
  const unique = idMaker(declared);
  const subjects: { id: string; subject: DefaultSubject }[] = [
    ...report.dimensions
      .filter((dimension) => dimensions.includes(dimension.id))
      .map((dimension) => ({ id: slug(dimension.id), subject: { type: 'dimension' as const, dimension, report } })),
    ...dated
      .filter((dataset) => timelines.includes(dataset.id))
      .map((dataset) => ({ id: `${slug(dataset.id)}-per-day`, subject: { type: 'timeline' as const, dataset, report } })),
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
  const dated = outline.datasets.filter((dataset) => dataset.dated).map((dataset) => dataset.id);
  const { dimensions, timelines } = unshown(
    outline.dimensions.map((dimension) => dimension.id),
    dated,
    declared,
  );
  const unique = idMaker(declared);
  return [...dimensions.map((id) => unique(slug(id))), ...timelines.map((id) => unique(`${slug(id)}-per-day`))];
}
