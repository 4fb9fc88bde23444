import { citeOf, formatParsed } from '../citationJs.ts';
import type { CslItem } from '../cslItem.ts';

/**
 * The item as CSL-JSON (`cite.json`): an array holding the one item, pretty-printed by
 * citation-js's `data` output plugin. It is fed citation-js's parsed item directly, because
 * `Cite#format` would first drop the CSL 1.0.2 `license` variable (see `formatParsed`).
 */
export function cslJson(item: CslItem): string {
  return `${formatParsed('data', citeOf([item]), { format: 'text' }) as string}\n`;
}
