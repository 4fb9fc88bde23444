import type { Dimension, Unit } from '../model/study.ts';

/** The units with at least one code on a dimension. */
export function codedUnits(units: readonly Unit[], dimension: Dimension): Unit[] {
  return units.filter((unit) => (unit.codes[dimension.id]?.length ?? 0) > 0);
}
