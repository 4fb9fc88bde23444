import { rollup, sum } from 'd3-array';
import type { Dimension, Unit } from '../model/study.ts';
import { codeAncestry, countedCodes } from './codeAncestry.ts';
import type { GroupCounts } from '../model/report.ts';

/** Coded units and per-code unit counts of one group of units. */
export interface Tally {
  readonly units: number;
  readonly codes: ReadonlyMap<string, number>;
}

export function codedUnits(units: readonly Unit[], dimension: Dimension): Unit[] {
  return units.filter((unit) => (unit.codes[dimension.id]?.length ?? 0) > 0);
}

/**
 * Count a dimension's codes in groups of units (by participant, by day): each unit counts
 * once under every code it carries and every code those are nested under.
 */
export function tallyBy(coded: readonly Unit[], dimension: Dimension, groupOf: (unit: Unit) => string): Map<string, Tally> {
  const ancestry = codeAncestry(dimension.codes);
  const tally = (group: readonly Unit[]): Tally => ({
    units: group.length,
    codes: rollup(
      group.flatMap((unit) => countedCodes(unit.codes[dimension.id]!, ancestry)),
      (codes) => codes.length,
      (code) => code,
    ),
  });
  return rollup(coded, tally, groupOf);
}

/** A tally as report data, in the order given (groups with nothing coded get zeros). */
export function asGroupCounts(tallies: ReadonlyMap<string, Tally>, order: readonly string[]): GroupCounts[] {
  return order.map((group) => {
    const tally = tallies.get(group);
    return { group, denominator: tally?.units ?? 0, counts: Object.fromEntries(tally?.codes ?? []) };
  });
}

/**
 * Combine per-participant tallies into larger groups (an attribute value, everyone).
 * Counting participants, a participant counts once for each code they have at least once.
 * Participants are the unit of grouping here because every attribute belongs to one.
 */
export function combineParticipants(
  perParticipant: ReadonlyMap<string, Tally>,
  countBy: 'units' | 'participants',
  groupOf: (participant: string) => string,
  order: readonly string[],
): GroupCounts[] {
  const entries = [...perParticipant];
  const weight = countBy === 'units' ? (n: number) => n : (n: number) => (n > 0 ? 1 : 0);
  const combined = rollup(
    entries,
    (group) => {
      const codes = new Set(group.flatMap(([, tally]) => [...tally.codes.keys()]));
      return {
        denominator: sum(group, ([, tally]) => weight(tally.units)),
        counts: Object.fromEntries([...codes].map((code) => [code, sum(group, ([, tally]) => weight(tally.codes.get(code) ?? 0))])),
      };
    },
    ([participant]) => groupOf(participant),
  );
  return order.map((group) => ({ group, denominator: combined.get(group)?.denominator ?? 0, counts: combined.get(group)?.counts ?? {} }));
}
