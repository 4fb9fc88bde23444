import { citeOf } from '../citationJs.ts';
import type { CslItem } from '../cslItem.ts';
import { fixedRisRecord, risText, type RisRecord } from './citationJsFixes.ts';

/**
 * The item as an RIS record (`cite.ris`): the tags and values of @citation-js/plugin-ris, with
 * what it cuts or wraps put right (see citationJsFixes.ts), one line per value.
 *
 * A line break in a value would start a new tag line; {@link cslItem} has already reduced every
 * string to one line with single spaces, so no value can forge a tag.
 */
export function ris(item: CslItem): string {
  // @citation-js/core types: format() is string | object; `format: 'object'` gives plugin-ris's records.
  const [record] = citeOf([item]).format('ris', { format: 'object' }) as RisRecord[];
  if (record === undefined) throw new Error('internal: citation-js wrote no RIS record');
  return risText(fixedRisRecord(record, item));
}
