import type { Dimension } from '../model/study.ts';
import type { UnitTable } from '../model/unitTable.ts';
import type { GroupCounts } from '../model/report.ts';

/**
 * One dimension's counts in one pass over the units: per participant and per day, each
 * unit once under every code it carries and every code those are nested under, and once
 * under the top-level code of its first code (the leading code).
 *
 * A million units grouped with d3's rollup over objects took seconds and a great deal of
 * garbage; here codes, participants and days are small integers and the counts live in
 * typed arrays indexed by them. Every group also keeps its codes in order of first
 * appearance, the order the report's `counts` objects have always had (rollup's order).
 */
export interface DimensionTally {
  /** Units with at least one code on the dimension. */
  readonly coded: number;
  /** Participant ids, in order of their first coded unit. */
  readonly participantsInOrder: readonly string[];
  /** Per participant: coded units, counts per code, leading-code counts. */
  readonly byParticipant: ReadonlyMap<string, GroupTally>;
  /** Per day (the unit's day, or '' when it has none). */
  readonly byDay: ReadonlyMap<string, GroupTally>;
}

export interface GroupTally {
  readonly units: number;
  /** Code id -> units counted under it, in order of first appearance. */
  readonly codes: ReadonlyMap<string, number>;
  /** Top-level code id -> units whose first code is it or nested under it, in order of first appearance. */
  readonly leading: ReadonlyMap<string, number>;
}

/**
 * Growing per-group counters: code counts in one typed array, `codeCount` codes per group.
 * A group is found from the table's own number for it (a participant's or a day's index).
 */
class Groups {
  readonly ids: string[] = [];
  private index = new Int32Array(64).fill(-1);
  readonly codeCount: number;
  units = new Int32Array(64);
  counts: Int32Array;
  leading: Int32Array;
  readonly codeOrder: number[][] = [];
  readonly leadingOrder: number[][] = [];

  constructor(codeCount: number) {
    this.codeCount = codeCount;
    this.counts = new Int32Array(64 * codeCount);
    this.leading = new Int32Array(64 * codeCount);
  }

  /** The group of a participant's or day's number; `names[number]` names a new group ('' past the end). */
  groupOf(number: number, names: readonly string[]): number {
    if (number >= this.index.length) {
      const index = new Int32Array(Math.max(number + 1, this.index.length * 2)).fill(-1);
      index.set(this.index);
      this.index = index;
    }
    let group = this.index[number]!;
    if (group !== -1) return group;
    group = this.ids.length;
    this.ids.push(names[number] ?? '');
    this.index[number] = group;
    this.codeOrder.push([]);
    this.leadingOrder.push([]);
    if (group >= this.units.length) {
      const grow = (from: Int32Array, size: number) => {
        const grown = new Int32Array(size);
        grown.set(from);
        return grown;
      };
      this.units = grow(this.units, this.units.length * 2);
      this.counts = grow(this.counts, this.units.length * this.codeCount);
      this.leading = grow(this.leading, this.units.length * this.codeCount);
    }
    return group;
  }

  count(group: number, code: number): void {
    const at = group * this.codeCount + code;
    const before = this.counts[at]!;
    this.counts[at] = before + 1;
    if (before === 0) this.codeOrder[group]!.push(code);
  }

  lead(group: number, code: number): void {
    const at = group * this.codeCount + code;
    const before = this.leading[at]!;
    this.leading[at] = before + 1;
    if (before === 0) this.leadingOrder[group]!.push(code);
  }

  tallies(codeIds: readonly string[]): Map<string, GroupTally> {
    const tallies = new Map<string, GroupTally>();
    this.ids.forEach((id, group) => {
      const base = group * this.codeCount;
      tallies.set(id, {
        units: this.units[group]!,
        codes: new Map(this.codeOrder[group]!.map((code) => [codeIds[code]!, this.counts[base + code]!] as const)),
        leading: new Map(this.leadingOrder[group]!.map((code) => [codeIds[code]!, this.leading[base + code]!] as const)),
      });
    });
    return tallies;
  }
}

export function tallyDimension(units: UnitTable, dimension: Dimension): DimensionTally {
  const codeIds = dimension.codes.map((code) => code.id);
  const codeIndex = new Map(codeIds.map((id, index) => [id, index] as const));
  const indexOf = (code: string): number => {
    const index = codeIndex.get(code);
    if (index === undefined) throw new Error(`internal: code "${code}" is not in dimension ${dimension.id}`);
    return index;
  };
  // For each code, itself and every code it is nested under; and its top-level code.
  const ancestry = dimension.codes.map((code) => {
    const chain = [indexOf(code.id)];
    for (let parent = code.parent; parent !== undefined; parent = dimension.codes[chain.at(-1)!]!.parent) {
      chain.push(indexOf(parent));
      if (chain.length > dimension.codes.length) throw new Error(`internal: codes of dimension ${dimension.id} nest in a loop`);
    }
    return chain;
  });
  const top = ancestry.map((chain) => chain.at(-1)!);
  // What each combination of codes counts under, worked out once for all the units that carry
  // it: every code written and every code above it, each once, in the order met; and the
  // top-level code of the first code written. Undefined when it leaves the dimension uncoded.
  // Worked out per list of codes (combinations share their lists), so a study whose units
  // are all coded differently does not work out the same list again for each of them.
  const planOfList = new Map<readonly string[] | undefined, { counted: Int32Array; leading: number } | undefined>();
  const plans = units.codeSets.map((codes) => {
    const written = codes[dimension.id];
    if (planOfList.has(written)) return planOfList.get(written);
    let plan: { counted: Int32Array; leading: number } | undefined;
    if (written !== undefined && written.length > 0) {
      const counted = new Set<number>();
      for (const code of written) for (const above of ancestry[indexOf(code)]!) counted.add(above);
      plan = { counted: Int32Array.from(counted), leading: top[indexOf(written[0]!)]! };
    }
    planOfList.set(written, plan);
    return plan;
  });

  const people = new Groups(codeIds.length);
  const days = new Groups(codeIds.length);
  const { participantOf, dayOf, codeSetOf } = units;
  let coded = 0;
  for (let row = 0; row < units.length; row++) {
    const plan = plans[codeSetOf[row]!];
    if (plan === undefined) continue;
    coded++;
    const person = people.groupOf(participantOf[row]!, units.participants);
    // Units without a day share one group, '', numbered after the days.
    const dayNumber = dayOf[row]!;
    const day = days.groupOf(dayNumber === -1 ? units.days.length : dayNumber, units.days);
    people.units[person] = people.units[person]! + 1;
    days.units[day] = days.units[day]! + 1;
    for (const counted of plan.counted) {
      people.count(person, counted);
      days.count(day, counted);
    }
    people.lead(person, plan.leading);
    days.lead(day, plan.leading);
  }
  return { coded, participantsInOrder: people.ids, byParticipant: people.tallies(codeIds), byDay: days.tallies(codeIds) };
}

/** Tallies as report data, in the order given (groups with nothing coded get zeros). */
export function asGroupCounts(
  tallies: ReadonlyMap<string, GroupTally>,
  order: readonly string[],
  pick: 'codes' | 'leading',
): GroupCounts[] {
  return order.map((group) => {
    const tally = tallies.get(group);
    return { group, denominator: tally?.units ?? 0, counts: Object.fromEntries(tally?.[pick] ?? []) };
  });
}

/**
 * Combine per-participant tallies into larger groups (an attribute value, everyone).
 * Counting participants, a participant counts once for each code they have at least once.
 * Participants are the unit of grouping here because every attribute belongs to one.
 */
export function combineParticipants(
  perParticipant: ReadonlyMap<string, GroupTally>,
  countBy: 'units' | 'participants',
  groupOf: (participant: string) => string,
  order: readonly string[],
): GroupCounts[] {
  const weight = countBy === 'units' ? (n: number) => n : (n: number) => (n > 0 ? 1 : 0);
  // A few thousand participants at most per group: plain maps, in the participants' order.
  const combined = new Map<string, { denominator: number; counts: Map<string, number> }>();
  for (const [participant, tally] of perParticipant) {
    const key = groupOf(participant);
    let group = combined.get(key);
    if (!group) combined.set(key, (group = { denominator: 0, counts: new Map() }));
    group.denominator += weight(tally.units);
    for (const [code, n] of tally.codes) group.counts.set(code, (group.counts.get(code) ?? 0) + weight(n));
  }
  return order.map((group) => ({
    group,
    denominator: combined.get(group)?.denominator ?? 0,
    counts: Object.fromEntries(combined.get(group)?.counts ?? []),
  }));
}
