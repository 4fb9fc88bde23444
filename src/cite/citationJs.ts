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
  styles: { add(name: string, style: unknown): void; has(name: string): boolean };
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
