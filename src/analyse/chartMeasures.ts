import type { AnyOfResult, CoverageResult, MeasureRequests } from '../model/report.ts';
import type { Dataset, Dimension, Study } from '../model/study.ts';
import { codeAncestry, countedCodes } from './codeAncestry.ts';
import { codedUnits } from './codeCounts.ts';

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
    const units = study.datasets.flatMap((dataset) =>
      dataset.units.filter((unit) =>
        dimensions.some((dimension) => dimension.dataset === dataset.id && (unit.codes[dimension.id]?.length ?? 0) > 0),
      ),
    );
    return { ...measure, units: units.length, participants: new Set(units.map((unit) => unit.participant)).size };
  });
  return { anyOf, coverage };
}

function countAnyOf(dataset: Dataset, dimension: Dimension, codes: readonly string[]): { n: number; of: number } {
  const ancestry = codeAncestry(dimension.codes);
  const wanted = new Set(codes);
  const coded = codedUnits(dataset.units, dimension);
  const matching = coded.filter((unit) => countedCodes(unit.codes[dimension.id]!, ancestry).some((code) => wanted.has(code)));
  if (dimension.count === 'participants') {
    return { n: new Set(matching.map((unit) => unit.participant)).size, of: new Set(coded.map((unit) => unit.participant)).size };
  }
  return { n: matching.length, of: coded.length };
}
