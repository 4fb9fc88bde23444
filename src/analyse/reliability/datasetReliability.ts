import type { AgreementFigures, DatasetReliability, DimensionReliability } from '../../model/report.ts';
import type { Dataset, Dimension, ReliabilityCodings, Study, Unit } from '../../model/study.ts';
import { byId } from '../../model/byId.ts';
import { codeAncestry, countedCodes } from '../codeAncestry.ts';
import { bootstrapAlpha, defaultLevel, defaultResamples, defaultSeed } from './bootstrapAlpha.ts';
import { characterReliability } from './characterReliability.ts';
import { cohenKappa } from './cohenKappa.ts';
import { fleissKappa } from './fleissKappa.ts';
import { krippendorffAlpha } from './krippendorffAlpha.ts';
import { percentAgreement } from './percentAgreement.ts';
import { presenceAlpha } from './presenceAlpha.ts';
import type { Coding } from './reliabilityData.ts';

/**
 * Agreement between coders for every dataset with a reliability file: per dimension,
 * Krippendorff's alpha (nominal) with a seeded bootstrap interval (1,000 resamples of units,
 * so every build gives the same interval), percent agreement, Cohen's kappa for two coders,
 * Fleiss' kappa when every unit has as many values, and alpha per code on presence or
 * absence; for datasets of spans, agreement character by character as well.
 *
 * Only the units the report analyses count: codings of excluded rows are left out, so the
 * agreement is that of the data the figures come from.
 */
export function analyseReliability(study: Study): DatasetReliability[] {
  const names = coderNames(study);
  return study.datasets.flatMap((dataset) => (dataset.reliability ? [datasetReliability(study, dataset, dataset.reliability, names)] : []));
}

/**
 * The name each coder is shown by: the one study.yaml gives, or "Coder A", "Coder B", ... by
 * order of first appearance across the reliability files, counting only unnamed coders.
 */
export function coderNames(study: Pick<Study, 'datasets' | 'coders'>): Map<string, string> {
  const named = study.coders ?? {};
  const names = new Map<string, string>();
  let unnamed = 0;
  for (const dataset of study.datasets)
    for (const coder of dataset.reliability?.coders ?? []) {
      if (names.has(coder)) continue;
      names.set(coder, named[coder] ?? `Coder ${letters(unnamed++)}`);
    }
  return names;
}

/** A, B, ..., Z, AA, AB, ...: spreadsheet column letters. */
function letters(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : letters(Math.floor(index / 26) - 1) + letter;
}

function datasetReliability(
  study: Study,
  dataset: Dataset,
  reliability: ReliabilityCodings,
  names: ReadonlyMap<string, string>,
): DatasetReliability {
  // Only the units some coder coded: a map of every unit of a million-unit dataset cost a second.
  const given = new Set(reliability.codings.map((coding) => coding.unit));
  const analysed = new Map<string, Unit>();
  for (const key of given) {
    const row = dataset.units.rowOf(key);
    if (row !== undefined) analysed.set(key, dataset.units.at(row));
  }
  const codings = reliability.codings.filter((coding) => analysed.has(coding.unit));
  const units = new Set(codings.map((coding) => coding.unit));
  const dimensions = reliability.dimensions.map((id) => byId(study.dimensions, id, 'dimension'));
  return {
    dataset: dataset.id,
    file: reliability.origin.file,
    coders: reliability.coders.map((id) => ({ id, name: names.get(id) ?? id })),
    rowsRead: reliability.codings.length,
    rowsUsed: codings.length,
    units: units.size,
    of: dataset.units.length,
    participants: new Set([...units].map((key) => analysed.get(key)!.participant)).size,
    bootstrap: { resamples: defaultResamples, level: defaultLevel, seed: defaultSeed },
    dimensions: dimensions.map((dimension) =>
      dimensionReliability(
        dimension,
        codings.map((coding) => ({ unit: coding.unit, coder: coding.coder, value: coding.codes[dimension.id] ?? [] })),
        reliability.coders,
      ),
    ),
    ...(dataset.hasSpans && dataset.sources
      ? { characters: characterReliability(dataset, { ...reliability, codings }, dimensions, names) }
      : {}),
  };
}

function dimensionReliability(dimension: Dimension, codings: readonly Coding[], coders: readonly string[]): DimensionReliability {
  const interval = bootstrapAlpha(codings);
  const [first, second] = coders;
  const cohen = coders.length === 2 && first !== undefined && second !== undefined ? cohenKappa(codings, [first, second]).kappa : undefined;
  // A parent code counts the units coded with a code nested under it, as the report counts it.
  const ancestry = codeAncestry(dimension.codes);
  const counted = codings.map((coding) => ({
    ...coding,
    value: countedCodes(typeof coding.value === 'string' ? [coding.value] : (coding.value ?? []), ancestry),
  }));
  const presence = presenceAlpha(
    counted,
    dimension.codes.map((code) => code.id),
  );
  return {
    dimension: dimension.id,
    ...agreementFigures(codings),
    interval: interval ? { low: interval.low, high: interval.high } : null,
    cohenKappa: cohen ?? null,
    fleissKappa: fleissKappa(codings)?.kappa ?? null,
    codes: dimension.codes.map((code) => {
      const alpha = presence.get(code.id)!;
      const agreement = percentAgreement(
        counted.map((coding) => ({ ...coding, value: coding.value.length === 0 ? undefined : String(coding.value.includes(code.id)) })),
      );
      return {
        code: code.id,
        alpha: alpha.alpha ?? null,
        units: alpha.units,
        coders: alpha.coders,
        pairableValues: alpha.pairableValues,
        percentAgreement: agreement.agreement ?? null,
      };
    }),
  };
}

function agreementFigures(codings: readonly Coding[]): AgreementFigures {
  const alpha = krippendorffAlpha(codings);
  return {
    alpha: alpha.alpha ?? null,
    units: alpha.units,
    coders: alpha.coders,
    pairableValues: alpha.pairableValues,
    percentAgreement: percentAgreement(codings).agreement ?? null,
  };
}
