import type { AnyOfResult, CoverageResult, MeasureRequests } from '../model/report.ts';
import type { Dataset, Dimension, Study } from '../model/study.ts';
import { codeAncestry, countedCodes } from './codeAncestry.ts';
import { codedRows } from './codeCounts.ts';

/**
 * The figures particular charts ask for that per-code counts cannot give: how many units (or
 * participants) carry any of several codes, where one unit may carry two of them, and how
 * many units are coded on any of several dimensions, each counted once.
 */
export function chartMeasures(study: Study, requests: MeasureRequests): { anyOf: AnyOfResult[]; coverage: CoverageResult[] } {
  const dimensionOf = (id: string) => study.dimensions.find((dimension) => dimension.id === id);
  const datasetOf = (dimension: Dimension) => study.datasets.find((dataset) => dataset.id === dimension.dataset);
  const anyOf = requests.anyOf.flatMap((measure): AnyOfResult[] => {
    const dimension = dimensionOf(measure.dimension);
    const dataset = dimension && datasetOf(dimension);
    return dimension && dataset ? [{ ...measure, ...countAnyOf(dataset, dimension, measure.codes) }] : [];
  });
  const coverage = requests.coverage.map((measure): CoverageResult => {
    const dimensions = measure.dimensions.flatMap((id) => dimensionOf(id) ?? []);
    let units = 0;
    const participants = new Set<string>();
    for (const dataset of study.datasets) {
      const table = dataset.units;
      const covered = table.codeSets.map((codes) =>
        dimensions.some((dimension) => dimension.dataset === dataset.id && (codes[dimension.id]?.length ?? 0) > 0),
      );
      const participantCovered = new Uint8Array(table.participants.length);
      for (let row = 0; row < table.length; row++) {
        if (!covered[table.codeSetOf[row]!]) continue;
        units++;
        participantCovered[table.participantOf[row]!] = 1;
      }
      table.participants.forEach((participant, number) => participantCovered[number] && participants.add(participant));
    }
    return { ...measure, units, participants: participants.size };
  });
  return { anyOf, coverage };
}

function countAnyOf(dataset: Dataset, dimension: Dimension, codes: readonly string[]): { n: number; of: number } {
  const ancestry = codeAncestry(dimension.codes);
  const wanted = new Set(codes);
  const units = dataset.units;
  const matches = units.codeSets.map((codes) => countedCodes(codes[dimension.id] ?? [], ancestry).some((code) => wanted.has(code)));
  const coded = codedRows(units, dimension);
  const matching = coded.filter((row) => matches[units.codeSetOf[row]!]);
  if (dimension.count === 'participants') {
    const participantsOf = (rows: number[]) => new Set(rows.map((row) => units.participantOf[row]!)).size;
    return { n: participantsOf(matching), of: participantsOf(coded) };
  }
  return { n: matching.length, of: coded.length };
}
