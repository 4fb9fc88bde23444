import type { Dimension, Participant, Unit } from '../model/types.ts';
import { codedPairs, codedUnits, distinctParticipants, groupCounts } from './codeCounts.ts';
import type { DimensionReport } from './report.ts';

export interface DimensionContext {
  readonly units: readonly Unit[];
  readonly participants: readonly Participant[];
  readonly attributes: readonly { readonly column: string; readonly label: string }[];
  /** Calendar days of the study period, when the dataset is dated. */
  readonly days?: readonly string[];
}

/** Every count of one codebook dimension: overall, per participant, per attribute value and per day. */
export function analyseDimension(dimension: Dimension, context: DimensionContext): DimensionReport {
  const { units, participants, attributes, days } = context;
  const coded = codedUnits(units, dimension);
  const pairs = codedPairs(coded, dimension);
  const codedParticipants = distinctParticipants(coded);
  const [overall] = groupCounts(coded, pairs, dimension.count, () => 'all', ['all']);
  const denominator = dimension.count === 'units' ? coded.length : codedParticipants;

  const attributeOf = new Map(participants.map((participant) => [participant.id, participant.attributes] as const));
  const participantOrder = participants.map((participant) => participant.id);

  return {
    id: dimension.id,
    label: dimension.label,
    ...(dimension.description === undefined ? {} : { description: dimension.description }),
    dataset: dimension.dataset,
    column: dimension.column,
    multiple: dimension.multiple,
    countBy: dimension.count,
    codedUnits: coded.length,
    notCodedUnits: units.length - coded.length,
    codedParticipants,
    denominator,
    codes: dimension.codes.map((code) => {
      const n = overall?.counts[code.id] ?? 0;
      return { ...code, n, share: denominator === 0 ? 0 : n / denominator };
    }),
    byParticipant: groupCounts(coded, pairs, 'units', (unit) => unit.participant, participantOrder).filter((group) => group.denominator > 0),
    byAttribute: attributes.map(({ column, label }) => {
      const values = [...new Set(participants.map((participant) => participant.attributes[column]!))];
      const valueOf = (unit: Unit) => attributeOf.get(unit.participant)?.[column] ?? '';
      return { column, label, groups: groupCounts(coded, pairs, dimension.count, valueOf, values) };
    }),
    ...(days === undefined ? {} : { byDay: groupCounts(coded, pairs, 'units', (unit) => unit.day ?? '', days) }),
  };
}
