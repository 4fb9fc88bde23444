import type { Report } from '../model/report.ts';
import type { ChartDefinition } from '../schemas/chart.ts';

/** A declared chart and where it came from, or a default one made here. */
export interface PlannedChart {
  readonly id: string;
  readonly definition: ChartDefinition;
  readonly isDefault: boolean;
  readonly source?: string;
}

/** Charts shown one participant per dot stay countable up to this many participants. */
const mostDotParticipants = 40;

/**
 * A chart for every dimension and dated dataset that no declared chart shows, so a new
 * study gets a page per dimension with no configuration. Ids are the dimension or dataset
 * id in URL style; a declared chart with the same id wins.
 */
export function defaultCharts(report: Report, declared: readonly PlannedChart[]): PlannedChart[] {
  const taken = new Set(declared.map((chart) => chart.id));
  // A dimension that only splits a timeline or per-participant chart is not shown in its own right.
  const shownDimensions = new Set(
    declared.flatMap(({ definition }) =>
      definition.kind === 'distribution' || definition.kind === 'breakdown' || definition.kind === 'participants-reporting' ? [definition.dimension] : [],
    ),
  );
  const shownTimelines = new Set(declared.flatMap(({ definition }) => (definition.kind === 'timeline' ? [definition.dataset] : [])));
  const slug = (id: string) => id.replace(/_/g, '-');
  const unique = (id: string) => {
    let candidate = id;
    for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${id}-${suffix}`;
    taken.add(candidate);
    return candidate;
  };

  const forDimensions = report.dimensions
    .filter((dimension) => !shownDimensions.has(dimension.id))
    .map((dimension): PlannedChart => {
      const dotted = dimension.countBy === 'participants' && dimension.codedParticipants <= mostDotParticipants;
      const title = dotted ? `${dimension.label}: ${report.participants.label[1]} reporting each code` : dimension.label;
      const definition: ChartDefinition = dotted
        ? { kind: 'participants-reporting', dimension: dimension.id, title, notes: [] }
        : { kind: 'distribution', dimension: dimension.id, title, order: 'codebook', notes: [] };
      return { id: unique(slug(dimension.id)), definition, isDefault: true };
    });
  const forTimelines = report.datasets
    .filter((dataset) => dataset.days && !shownTimelines.has(dataset.id))
    .map((dataset): PlannedChart => ({
      id: unique(`${slug(dataset.id)}-per-day`),
      definition: { kind: 'timeline', dataset: dataset.id, title: `${dataset.label} per day`, notes: [] },
      isDefault: true,
    }));
  return [...forDimensions, ...forTimelines];
}
