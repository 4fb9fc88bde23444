import type { Report } from '../model/report.ts';
import { formatCount } from '../format/format.ts';

export interface BuildFigures {
  readonly charts: number;
  readonly pages: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly outDir: string;
  /** How many charts came whole from the build's chart cache; absent when the cache was off (`--no-cache`). */
  readonly fromCache?: number;
  /** The study's analysis came from the build cache (its package unchanged since a build that made it). */
  readonly analysisReused?: boolean;
}

/** The few lines a researcher reads after every build: what was read, used and left out, then what was built. */
export function buildSummary(report: Report, figures: BuildFigures): string {
  return [...readSummary(report), ...builtSummary(figures)].join('\n');
}

/** What was read, used and left out: the same for every build of the same study, so kept for a build that has nothing to do. */
export function readSummary(report: Report): string[] {
  const lines: string[] = [];
  for (const dataset of report.datasets) {
    const excluded = dataset.excluded.map(({ reason, n }) => `${formatCount(n)} ${JSON.stringify(reason)}`).join(', ');
    lines.push(
      `${dataset.file}: ${formatCount(dataset.rowsRead)} rows read, ${formatCount(dataset.used)} used, ` +
        `${formatCount(dataset.rowsRead - dataset.used)} excluded${excluded ? ` (${excluded})` : ''}`,
    );
    for (const dimension of report.dimensions.filter((candidate) => candidate.dataset === dataset.id)) {
      if (dimension.notCodedUnits > 0)
        lines.push(`  ${dimension.id}: ${formatCount(dimension.codedUnits)} coded, ${formatCount(dimension.notCodedUnits)} not coded`);
    }
  }
  // The coders' own codes are rows read too: every one is used or accounted for.
  for (const reliability of report.reliability) {
    const dataset = report.datasets.find((candidate) => candidate.id === reliability.dataset);
    const left = reliability.rowsRead - reliability.rowsUsed;
    lines.push(
      `${reliability.file}: ${formatCount(reliability.rowsRead)} rows read, ${formatCount(reliability.rowsUsed)} used` +
        `${left > 0 ? `, ${formatCount(left)} left out (their units are excluded)` : ''}: ` +
        `${formatCount(reliability.units)} ${dataset?.unit[reliability.units === 1 ? 0 : 1] ?? 'units'} coded by ${formatCount(reliability.coders.length)} coders`,
    );
  }
  lines.push(`${formatCount(report.participants.total)} ${report.participants.label[1]}, ${report.dimensions.length} dimensions`);
  return lines;
}

/** What was built: pages, charts, size and time, and where the charts came from. */
export function builtSummary(figures: BuildFigures): string[] {
  const lines: string[] = [];
  lines.push(
    `Built ${figures.outDir}/: ${formatCount(figures.pages)} pages, ${formatCount(figures.charts)} charts, ` +
      `${(figures.bytes / 1024 / 1024).toFixed(1)} MB in ${figures.seconds.toFixed(1)} s`,
  );
  if (figures.charts > 0) {
    lines.push(
      figures.fromCache === undefined
        ? `${formatCount(figures.charts)} charts: all drawn (cache off)`
        : `${formatCount(figures.charts)} charts: ${formatCount(figures.fromCache)} from the cache, ${formatCount(figures.charts - figures.fromCache)} drawn` +
            (figures.analysisReused ? '; the study package is unchanged, so its analysis came from the cache too' : ''),
    );
  }
  return lines;
}

/** The line of a build that found nothing changed since the last one, whose site is still in place. */
export function upToDateSummary(figures: Omit<BuildFigures, 'fromCache'>): string {
  return (
    `Nothing changed since the last build: ${figures.outDir}/ is up to date (${formatCount(figures.pages)} pages, ` +
    `${formatCount(figures.charts)} charts, ${(figures.bytes / 1024 / 1024).toFixed(1)} MB; checked in ${figures.seconds.toFixed(1)} s)`
  );
}
