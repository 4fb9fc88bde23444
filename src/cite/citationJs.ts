// citation-js registers its formats as side effects of these imports; importing them in one
// place keeps every caller working with the same configured instance.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import chicagoAuthorDate from 'style-chicago';

export { Cite };

/** CSL template names as registered with @citation-js/plugin-csl. */
export const APA_TEMPLATE = 'apa';
export const CHICAGO_TEMPLATE = 'chicago-author-date';

// The shared declarations in src/env.d.ts describe only part of citation-js; these are the
// narrow slices used here (plugin-csl keeps its styles in a `styles` register).
interface CslPluginConfig {
  styles: { add(name: string, style: unknown): void; has(name: string): boolean; get(name: string): unknown };
}
interface OutputPlugins {
  format(name: string, data: unknown, ...options: Record<string, unknown>[]): unknown;
}
// eslint-disable-next-line no-restricted-syntax -- @citation-js/core types: config.get returns the plugin's config untyped.
const cslConfig = plugins.config.get('@csl') as unknown as CslPluginConfig;
// eslint-disable-next-line no-restricted-syntax -- @citation-js/core types: the output registry is not declared.
const outputPlugins = (plugins as unknown as { output: OutputPlugins }).output;

// plugin-csl bundles APA (and Vancouver, Harvard) only; Chicago author-date is registered once.
if (!cslConfig.styles.has(CHICAGO_TEMPLATE)) cslConfig.styles.add(CHICAGO_TEMPLATE, chicagoAuthorDate);
// APA gains an `<intext>` layout for narrative citations, "Braun and Clarke (2006)", under its
// own name: one citeproc engine then serves references, parenthetical and narrative citations
// (building an engine for a second style costs every build about 0.3 s and 100 MB). Nothing
// else reads `<intext>`, so every other output of the style is as before.
const apa = String(cslConfig.styles.get(APA_TEMPLATE));
if (!apa.includes('<intext>')) cslConfig.styles.add(APA_TEMPLATE, apaNarrative(apa));

/**
 * The APA style with the author part of a narrative citation spelt out. citeproc-js renders a
 * narrative ("composite") citation as the style's `<intext>` layout (author only) and then the
 * citation without the author; APA's CSL has no `<intext>`, so the author would come from the
 * parenthetical layout as "Braun & Clarke". APA 7 (8.17) joins two authors with "and" in the
 * running text and "&" in parentheses: the added layout is APA's own short-author macro with
 * "and", and the et-al rule of its citations ("Alpha et al." from three authors), which an
 * `<intext>` does not inherit.
 */
function apaNarrative(apa: string): string {
  const macro = /<macro name="author-short">[\s\S]*?<\/macro>/.exec(apa)?.[0];
  if (macro === undefined || !apa.includes('</citation>')) throw new Error('internal: the APA style has no author-short macro or citation');
  const narrative = macro
    .replace('name="author-short"', 'name="author-narrative"')
    .replaceAll('and="symbol"', 'and="text" et-al-min="3" et-al-use-first="1"');
  return apa
    .replace(macro, macro + narrative)
    .replace('</citation>', '</citation><intext><layout><text macro="author-narrative"/></layout></intext>');
}

/**
 * A Cite holding copies of the given CSL items exactly as citation-js parsed them, without
 * its provenance graph (`_graph`), so `cite.data` is plain CSL-JSON.
 */
export function citeOf(items: readonly object[]): Cite {
  return new Cite(structuredClone(items as object[]), { generateGraph: false });
}

/**
 * Runs one of citation-js's registered output plugins on already-parsed CSL-JSON.
 *
 * `Cite#format` passes its data through citation-js's CSL cleaner first, and that cleaner's
 * list of variables predates CSL 1.0.2, so it silently drops `license`. The CSL-JSON output
 * calls the `data` plugin through here to keep every CSL 1.0.2 variable of the item.
 */
export function formatParsed(format: string, cite: Cite, options: Record<string, unknown>): unknown {
  return outputPlugins.format(format, cite.data, options);
}
