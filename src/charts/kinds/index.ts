import type { z } from 'zod';
import type { ChartDefinitionBase } from '../../schemas/chart.ts';
import type { ChartKind } from '../chartKind.ts';
import { agreement } from './agreement.ts';
import { breakdown } from './breakdown.ts';
import { comparison } from './comparison.ts';
import { distribution } from './distribution.ts';
import { participantsReporting } from './participantsReporting.ts';
import { perParticipant } from './perParticipant.ts';
import { timeline } from './timeline.ts';

/**
 * Every chart kind by the `kind:` a definition gives, in the order messages list them. The
 * type below makes the compiler refuse a kind filed under another kind's name, so adding a
 * kind is one module and one line here; nothing else switches on kinds.
 */
export const chartKinds = registry({
  distribution,
  breakdown,
  timeline,
  'per-participant': perParticipant,
  'participants-reporting': participantsReporting,
  comparison,
  agreement,
});

/** Each entry's key is its kind's name, and its schema's `kind` is that literal. */
function registry<
  Kinds extends { readonly [Name in keyof Kinds]: ChartKind<ChartDefinitionBase & { kind: Name }> & { readonly name: Name } },
>(kinds: Kinds): Kinds {
  return kinds;
}

type Kinds = typeof chartKinds;
export type ChartKindName = keyof Kinds;

/** A definition of any kind, as its kind's schema reads it. */
export type ChartDefinition = { [Name in ChartKindName]: z.output<Kinds[Name]['schema']> }[ChartKindName];

export const kindNames: readonly ChartKindName[] = Object.keys(chartKinds) as ChartKindName[];

export function isKindName(name: unknown): name is ChartKindName {
  return typeof name === 'string' && Object.hasOwn(chartKinds, name);
}

/**
 * The kind of a definition, typed for it. A chart's definition reaches the render side as the
 * base type every page reads; its `kind` was checked against this registry when it was loaded.
 */
export function kindOf(definition: ChartDefinitionBase): ChartKind<ChartDefinitionBase> {
  if (!isKindName(definition.kind)) throw new Error(`internal: unknown chart kind "${definition.kind}"`);
  return chartKinds[definition.kind];
}
