import { rollup } from 'd3-array';
import type { GroupCounts } from '../model/report.ts';
import type { Dimension, Unit } from '../model/study.ts';
import { asGroupCounts } from './codeCounts.ts';

/**
 * Coded units per group and top-level code, each unit once: under the top-level code of its
 * first code. Bars split by a dimension add up to their units this way, even where a unit
 * carries several codes.
 */
export function leadingCodes(
  coded: readonly Unit[],
  dimension: Dimension,
  groupOf: (unit: Unit) => string,
  order: readonly string[],
): GroupCounts[] {
  const parentOf = new Map(dimension.codes.map((code) => [code.id, code.parent]));
  const topOf = (code: string): string => {
    let current = code;
    for (let parent = parentOf.get(current); parent !== undefined; parent = parentOf.get(current)) current = parent;
    return current;
  };
  const tallies = rollup(
    coded,
    (group) => ({
      units: group.length,
      codes: rollup(
        group,
        (same) => same.length,
        (unit) => topOf(unit.codes[dimension.id]![0]!),
      ),
    }),
    groupOf,
  );
  return asGroupCounts(tallies, order);
}
