import { APA_TEMPLATE } from '../citationJs.ts';
import type { CslItem } from '../cslItem.ts';
import { bibliographyEntry } from './bibliography.ts';

/** The APA 7 reference as plain text (citation-js template `apa`). */
export function apaText(item: CslItem): string {
  return bibliographyEntry(item, APA_TEMPLATE);
}
