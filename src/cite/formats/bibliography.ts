import { citeOf } from '../citationJs.ts';
import type { CslItem } from '../cslItem.ts';

// citeproc escapes data text in HTML output as numeric references (&#60; &#62; &#38;). They are
// rewritten to the equivalent named references, which is what HTML sanitisers, tests and
// readers of the page source look for; nothing else in the markup changes.
const NAMED_REFERENCES: Record<string, string> = { '&#60;': '&lt;', '&#62;': '&gt;', '&#38;': '&amp;' };

/**
 * One bibliography entry for the item, formatted by citeproc (through citation-js) with a
 * registered CSL template.
 *
 * In HTML, citeproc escapes all data text; the only markup that can come from data is CSL's
 * own rich-text subset (`<i>`, `<b>`, `<sup>`, `<sub>`, `<sc>`, small-caps and nocase spans,
 * without other attributes) when balanced in a value, which citeproc re-emits as formatting.
 */
export function bibliographyEntry(item: CslItem, template: string, format: 'text' | 'html'): string {
  const output = citeOf([item]).format('bibliography', { template, format, lang: 'en-US' }) as string;
  const entry = output.trim();
  return format === 'html' ? entry.replace(/&#(?:60|62|38);/g, (reference) => NAMED_REFERENCES[reference] ?? reference) : entry;
}
