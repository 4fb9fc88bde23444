import { z } from 'zod';
import { text } from './primitives.ts';

/**
 * What every chart definition may say, whatever its kind. Each kind's own schema, with its
 * `kind:` and what it refers to, lives with the kind in src/charts/kinds/.
 */
export const commonChartFields = {
  title: text,
  subtitle: text.optional(),
  caption: text.optional(),
  notes: z.array(text).default([]),
};

/** The most participants or groups drawn one by one before the rest are folded into "all others". */
export const topGroups = z.int().min(1).max(200).default(25);

/** What every chart's definition holds, whatever its kind: what pages and citations read. */
export interface ChartDefinitionBase {
  readonly kind: string;
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly caption?: string | undefined;
  readonly notes: readonly string[];
}
