import { citeOf } from '../citationJs.ts';
import type { CslItem } from '../cslItem.ts';

/**
 * One bibliography entry for the item as plain text, formatted by citeproc (through
 * citation-js) with a registered CSL template.
 */
export function bibliographyEntry(item: CslItem, template: string): string {
  const output = citeOf([item]).format('bibliography', { template, format: 'text', lang: 'en-US' }) as string;
  return output.trim();
}
