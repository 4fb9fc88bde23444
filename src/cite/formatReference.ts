import { APA_TEMPLATE, CHICAGO_TEMPLATE, Cite } from './citationJs.ts';
import { formattedOnce } from './formattedOnce.ts';

export type CitationStyle = 'apa' | 'chicago';

/**
 * A formatted reference as plain text, produced by citation-js from CSL-JSON so that no
 * citation is written by hand. Plain text keeps data-derived strings out of HTML source.
 * `chicago` is Chicago 17th author-date.
 */
export function formatReference(items: readonly object[], style: CitationStyle = 'apa'): string {
  const template = style === 'apa' ? APA_TEMPLATE : CHICAGO_TEMPLATE;
  return formattedOnce(`reference ${template}`, items, () =>
    (new Cite(items).format('bibliography', { format: 'text', template, lang: 'en-US' }) as string).trim(),
  );
}
