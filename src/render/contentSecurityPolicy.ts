import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';

/**
 * The Content-Security-Policy every HTML page carries as a `<meta http-equiv>`, right after
 * its charset. Everything a page loads comes from the site itself: stylesheets, the icon,
 * chart thumbnails, and on the search page Pagefind's script, WebAssembly and index. No page
 * runs an inline script, no page has a `style` attribute or a `<style>` element (charts are
 * drawn with SVG presentation attributes, see src/charts/renderPlot.ts), and nothing is
 * fetched from another origin.
 *
 * A policy in a `<meta>` cannot say `frame-ancestors`, `report-uri` or `sandbox` (browsers
 * ignore them there), so it has none: embed pages are meant to be framed by other sites.
 */
export interface PolicyOptions {
  /**
   * The search page: Pagefind compiles its WebAssembly ('wasm-unsafe-eval'), and its
   * stylesheet draws icons as `data:` SVG images.
   */
  readonly search?: boolean;
  /**
   * The text of every inline `<script>` of the page. Only data blocks are ever inline (the
   * JSON-LD `<script type="application/ld+json">`), which a browser never runs; their
   * hashes are listed all the same, so no inline script is left unaccounted for.
   */
  readonly inlineScripts?: readonly string[];
}

/** The policy's text for one page. */
export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const hashes = [...new Set((options.inlineScripts ?? []).map(scriptHash))];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(options.search ? ["'wasm-unsafe-eval'"] : []), ...hashes],
    ['style-src', "'self'"],
    ['img-src', "'self'", ...(options.search ? ['data:'] : [])],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The CSP source expression allowing an inline script with exactly this text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The texts of the inline `<script>` elements (those without `src`) in a fragment of HTML as
 * Astro renders it. Parsed, not searched: an attribute value may hold the characters
 * "<script>…</script>" (a meta tag quoting a title), and they must not add a hash.
 */
export function inlineScriptTexts(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><head>${html}</head><body></body></html>`);
  return [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '');
}
