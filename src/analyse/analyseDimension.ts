import { rollup } from 'd3-array';
import type { Dimension, Participant } from '../model/study.ts';
import type { UnitTable } from '../model/unitTable.ts';
import { dimensionProfile } from './dimensionProfile.ts';
import { exemplars } from './exemplars.ts';
import { asGroupCounts, combineParticipants, tallyDimension } from './dimensionTally.ts';
import type { DimensionReport } from '../model/report.ts';

export interface DimensionContext {
  readonly units: UnitTable;
  readonly participants: readonly Participant[];
  readonly attributes: readonly { readonly column: string; readonly label: string }[];
  /** Calendar days of the study period, when the dataset is dated. */
  readonly days?: readonly string[];
}

/**
 * Every count of one codebook dimension: overall, per participant, per attribute value and
 * per day. The units are read once (`tallyDimension`, per participant and per day); every
 * other breakdown is combined from the per-participant tallies, which keeps million-unit
 * studies fast.
 */
export function analyseDimension(dimension: Dimension, context: DimensionContext): DimensionReport {
  const { units, participants, attributes, days } = context;
  const tally = tallyDimension(units, dimension);
  const perParticipant = tally.byParticipant;
  const [overall] = combineParticipants(perParticipant, dimension.count, () => 'all', ['all']);
  const codedParticipants = perParticipant.size;
  const denominator = overall?.denominator ?? 0;
  const attributesOf = new Map(participants.map((participant) => [participant.id, participant.attributes] as const));
  const codes = dimension.codes.map((code) => {
    const n = overall?.counts[code.id] ?? 0;
    const { exampleOrigin: _origin, ...summary } = code;
    return { ...summary, n, share: denominator === 0 ? 0 : n / denominator };
  });
  const participantIds = participants.map((participant) => participant.id);
  const byParticipant = asGroupCounts(perParticipant, participantIds, 'codes').filter((group) => group.denominator > 0);

  return {
    id: dimension.id,
    label: dimension.label,
    ...(dimension.description === undefined ? {} : { description: dimension.description }),
    dataset: dimension.dataset,
    column: dimension.column,
    multiple: dimension.multiple,
    countBy: dimension.count,
    codedUnits: tally.coded,
    notCodedUnits: units.length - tally.coded,
    codedParticipants,
    denominator,
    codes,
    byParticipant,
    byAttribute: attributes.map(({ column, label }) => {
      const values = [...new Set(participants.map((participant) => participant.attributes[column]!))];
      const members = rollup(
        participants,
        (group) => group.length,
        (participant) => participant.attributes[column] ?? '',
      );
      const groups = combineParticipants(perParticipant, dimension.count, (id) => attributesOf.get(id)?.[column] ?? '', values);
      return { column, label, groups: groups.map((group) => ({ ...group, members: members.get(group.group) ?? 0 })) };
    }),
    ...(days === undefined
      ? {}
      : {
          byDay: asGroupCounts(tally.byDay, days, 'codes'),
        }),
    leading: {
      byParticipant: asGroupCounts(perParticipant, participantIds, 'leading').filter((group) => group.denominator > 0),
      ...(days === undefined ? {} : { byDay: asGroupCounts(tally.byDay, days, 'leading') }),
    },
    profile: dimensionProfile(codes, byParticipant, denominator),
    exemplars: exemplars(units, dimension),
  };
}
