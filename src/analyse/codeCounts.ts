import { rollup } from 'd3-array';
import type { Dimension, Unit } from '../model/types.ts';
import { codeAncestry, countedCodes } from './codeAncestry.ts';
import type { GroupCounts } from './report.ts';

/** One (unit, code) pair for every code a coded unit counts towards. */
export interface CodedPair {
  readonly unit: Unit;
  readonly code: string;
}

/** The pairs of a dimension, computed once and reused by every breakdown of it. */
export function codedPairs(units: readonly Unit[], dimension: Dimension): CodedPair[] {
  const ancestry = codeAncestry(dimension.codes);
  return units.flatMap((unit) => countedCodes(unit.codes[dimension.id] ?? [], ancestry).map((code) => ({ unit, code })));
}

export function codedUnits(units: readonly Unit[], dimension: Dimension): Unit[] {
  return units.filter((unit) => (unit.codes[dimension.id]?.length ?? 0) > 0);
}

/**
 * Counts per code within each group (participant, attribute value, day...), counting
 * units or distinct participants. A group's denominator counts the same way.
 */
export function groupCounts(
  coded: readonly Unit[],
  pairs: readonly CodedPair[],
  countBy: 'units' | 'participants',
  groupOf: (unit: Unit) => string,
  groupOrder: readonly string[],
): GroupCounts[] {
  const measure = countBy === 'units' ? (units: readonly Unit[]) => units.length : distinctParticipants;
  const denominators = rollup(coded, measure, groupOf);
  const counts = rollup(pairs, (group) => measure(group.map((pair) => pair.unit)), (pair) => groupOf(pair.unit), (pair) => pair.code);
  return groupOrder.map((group) => ({
    group,
    denominator: denominators.get(group) ?? 0,
    counts: Object.fromEntries(counts.get(group) ?? []),
  }));
}

export function distinctParticipants(units: readonly Unit[]): number {
  return new Set(units.map((unit) => unit.participant)).size;
}
