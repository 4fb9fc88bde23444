import { citeOf } from '../citationJs.ts';
import type { CslItem } from '../cslItem.ts';

/**
 * The item as an RIS record (`cite.ris`), written by @citation-js/plugin-ris.
 *
 * citation-js writes RIS values verbatim and only breaks long values every 70 characters, so
 * a line break in a value would start a new tag line; {@link cslItem} has already reduced
 * every string to one line with single spaces, so no value can forge a tag.
 */
export function ris(item: CslItem): string {
  // The closing `ER  - ` keeps its trailing space, as the RIS specification writes it.
  return `${(citeOf([item]).format('ris') as string).replace(/\n+$/, '')}\n`;
}
