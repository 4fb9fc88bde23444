import { CHICAGO_TEMPLATE } from '../citationJs.ts';
import type { CslItem } from '../cslItem.ts';
import { bibliographyEntry } from './bibliography.ts';

/** The Chicago 17th author-date reference list entry as plain text. */
export function chicagoText(item: CslItem): string {
  return bibliographyEntry(item, CHICAGO_TEMPLATE);
}
