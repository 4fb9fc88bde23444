import type { ChartDefinition, ChartKindName } from '../../schemas/chart.ts';
import type { ChartKind } from '../chartContext.ts';
import { breakdown } from './breakdown.ts';
import { comparison } from './comparison.ts';
import { distribution } from './distribution.ts';
import { participantsReporting } from './participantsReporting.ts';
import { perParticipant } from './perParticipant.ts';
import { timeline } from './timeline.ts';

/** Every chart kind by the name a definition gives in `kind:`. */
export const chartKinds: { readonly [Name in ChartKindName]: ChartKind<Extract<ChartDefinition, { kind: Name }>> } = {
  distribution,
  breakdown,
  timeline,
  'per-participant': perParticipant,
  'participants-reporting': participantsReporting,
  comparison,
};

/** The kind of a definition, typed for it (TypeScript cannot narrow the lookup on its own). */
export function kindOf<Definition extends ChartDefinition>(definition: Definition): ChartKind<Definition> {
  return chartKinds[definition.kind] as unknown as ChartKind<Definition>;
}
