import { bundledFontStack } from './bundledFont.ts';
import { exportColours } from './exportColours.ts';
import { resolveCssValue } from './resolveCssVariables.ts';

/**
 * Rewrite a chart's SVG, in place, so it looks right with no page around it. On the site
 * the chart borrows from the page: CSS custom properties (`var(--chart-bar, …)`), the text
 * colour (`currentColor`) and the page's font. A downloaded file, a slide or a PNG renderer
 * has none of these, so each is replaced with a concrete value.
 *
 * The chart comes from renderPlot, which has already turned Plot's inline styles into
 * presentation attributes and dropped its `<style>` element, so only attributes need rewriting.
 */
export function makeSelfContained(chart: Element): void {
  for (const element of [chart, ...chart.querySelectorAll('*')]) {
    // Defence in depth: a downloaded SVG opened in a browser would run scripts, and a chart
    // never needs them. Plot emits none; text from data arrives escaped.
    if (element.localName === 'script') {
      element.remove();
      continue;
    }
    for (const { name, value } of [...element.attributes]) {
      const replacement = selfContainedAttribute(name, value);
      if (replacement === undefined) element.removeAttribute(name);
      else if (replacement !== value) element.setAttribute(name, replacement);
    }
  }
}

/** The attribute's new value, or `undefined` to drop it. */
function selfContainedAttribute(name: string, value: string): string | undefined {
  if (/^on/i.test(name)) return undefined;
  const resolved = resolveCssValue(value);
  if (resolved === undefined) return undefined;
  const coloured = withConcreteTextColour(resolved);
  return name === 'font-family' ? preferBundledFont(coloured) : coloured;
}

/** `currentColor` means "the text colour around me", which on a page follows light or dark mode. */
function withConcreteTextColour(value: string): string {
  return value.replace(/\bcurrentcolor\b/gi, exportColours.text);
}

/**
 * Names that only say "the platform's usual sans-serif". They stand for different faces on
 * every machine (and none at all in resvg), so they become the bundled font. A deliberate
 * choice of face, such as a monospace font for code, is kept.
 */
const platformFamilies = new Set(['system-ui', 'ui-sans-serif', '-apple-system', 'blinkmacsystemfont', 'sans-serif']);

export function preferBundledFont(families: string): string {
  const names = families
    .split(',')
    .map((name) =>
      name
        .trim()
        .replace(/^["']|["']$/g, '')
        .toLowerCase(),
    )
    .filter(Boolean);
  return names.length > 0 && names.every((name) => platformFamilies.has(name)) ? bundledFontStack : families;
}
