import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { countStage, timeStage } from '../timing/stageTimer.ts';
import { drawLegend, type Legend } from './legend.ts';

export interface AccessibleChart {
  /** Plot options without `document`, which is supplied here. */
  readonly plot: Plot.PlotOptions;
  /** The chart's accessible name: what it shows, in one line. */
  readonly title: string;
  /** A longer text description generated from the data. */
  readonly description: string;
  /** A colour key, drawn above the plot inside the same SVG. */
  readonly legend?: Legend;
}

/**
 * Render Plot options to an SVG string at build time, with linkedom standing in for the
 * browser's document, so charts need no JavaScript in the reader's browser.
 */
export function renderPlot(chart: AccessibleChart, id: string): string {
  countStage('charts');
  return timeStage('charts', () => renderSvg(chart, id));
}

function renderSvg({ plot, title, description, legend }: AccessibleChart, id: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  // Plot's own legends are HTML beside the SVG (or a canvas, which linkedom cannot draw):
  // the legend is drawn into the SVG instead, so one file holds the whole chart.
  // Axis labels carry no arrows: the bundled font for PNGs has no arrow glyphs, and the
  // direction is plain from the axis itself.
  const noArrow = (scale: Plot.ScaleOptions | undefined) => ({ labelArrow: 'none' as const, ...scale });
  const rendered: Element = Plot.plot({
    ...plot,
    x: noArrow(plot.x),
    y: noArrow(plot.y),
    color: { ...plot.color, legend: false },
    document,
  });
  if (rendered.tagName.toLowerCase() !== 'svg') throw new Error('internal: Plot rendered more than an <svg>');
  const svg = legend ? withLegend(document, rendered, legend) : rendered;

  // Plot labels plain <g> groups with aria-label, which axe reports as a prohibited
  // attribute; the chart is one image with its own name and description instead.
  for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-desc`);
  svg.removeAttribute('class');
  svg.setAttribute('class', 'chart-svg');
  withoutInlineStyles(svg);
  // In the SVG namespace: linkedom writes an HTML <title>'s text unescaped (as raw text), so
  // a chart title holding "</title><script>" would have closed it and run in the page.
  const svgNs = 'http://www.w3.org/2000/svg';
  const titleElement = document.createElementNS(svgNs, 'title');
  titleElement.setAttribute('id', `${id}-title`);
  titleElement.textContent = title;
  const descElement = document.createElementNS(svgNs, 'desc');
  descElement.setAttribute('id', `${id}-desc`);
  descElement.textContent = description;
  svg.insertBefore(descElement, svg.firstChild);
  svg.insertBefore(titleElement, svg.firstChild);
  return svg.outerHTML;
}

/** The plot moved down inside a taller SVG, with the legend drawn above it. */
function withLegend(document: Document, plotSvg: Element, legend: Legend): Element {
  const width = Number(plotSvg.getAttribute('width'));
  const height = Number(plotSvg.getAttribute('height'));
  const { group, height: legendHeight } = drawLegend(document, legend, width);
  const outer = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const name of ['fill', 'font-family', 'font-size', 'text-anchor', 'style']) {
    const value = plotSvg.getAttribute(name);
    if (value !== null) outer.setAttribute(name, value);
  }
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(height + legendHeight));
  outer.setAttribute('viewBox', `0 0 ${width} ${height + legendHeight}`);
  group.setAttribute('transform', 'translate(8, 4)');
  group.setAttribute('text-anchor', 'start');
  plotSvg.setAttribute('y', String(legendHeight));
  // The plot inherits its font from the outer SVG: left on it, Plot's own font-size="10"
  // would win over the theme's 13 px once the style attribute is gone.
  for (const name of ['class', 'style', 'viewBox', 'font-size', 'font-family']) plotSvg.removeAttribute(name);
  plotSvg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  outer.appendChild(group);
  outer.appendChild(plotSvg);
  return outer;
}

// CSS properties that SVG also takes as presentation attributes, with the same name and value.
// An attribute is overridden by any stylesheet rule, where an inline style wins: the page's
// CSS sets nothing on chart elements but their size (.chart-svg), so the look is unchanged.
const presentationAttributes = new Set([
  'alignment-baseline',
  'baseline-shift',
  'clip',
  'clip-path',
  'clip-rule',
  'color',
  'color-interpolation',
  'color-interpolation-filters',
  'color-rendering',
  'cursor',
  'direction',
  'display',
  'dominant-baseline',
  'fill',
  'fill-opacity',
  'fill-rule',
  'filter',
  'flood-color',
  'flood-opacity',
  'font-family',
  'font-size',
  'font-size-adjust',
  'font-stretch',
  'font-style',
  'font-weight',
  'image-rendering',
  'letter-spacing',
  'lighting-color',
  'marker-end',
  'marker-mid',
  'marker-start',
  'mask',
  'opacity',
  'overflow',
  'paint-order',
  'pointer-events',
  'shape-rendering',
  'stop-color',
  'stop-opacity',
  'stroke',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'text-decoration',
  'text-rendering',
  'unicode-bidi',
  'vector-effect',
  'visibility',
  'word-spacing',
  'writing-mode',
]);
// `font-variant` values beyond SVG 1.1's (normal, small-caps) make the page invalid HTML; the
// ones Plot uses become classes styled in src/styles/chart.css.
const fontVariantClasses: Readonly<Record<string, string>> = { 'tabular-nums': 'tabular-nums' };

/**
 * The chart without `style` attributes or `<style>` elements, so that pages need no
 * `style-src 'unsafe-inline'` in their Content-Security-Policy: Plot's inline styles
 * (font, colour and overflow on the root `<svg>`) become presentation attributes, and its
 * `<style>` element, whose rules only match the `plot-…` class removed above, is dropped.
 */
function withoutInlineStyles(svg: Element): void {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    const style = element.getAttribute('style');
    if (style !== null) {
      element.removeAttribute('style');
      for (const declaration of style.split(';')) {
        const colon = declaration.indexOf(':');
        if (colon < 0) continue;
        const property = declaration.slice(0, colon).trim().toLowerCase();
        const value = declaration.slice(colon + 1).trim();
        if (presentationAttributes.has(property)) element.setAttribute(property, value);
        else if (property === 'background' && /^(transparent|none)$/i.test(value)) continue;
        else
          throw new Error(
            `internal: chart style "${property}: ${value}" has no SVG attribute; add it to renderPlot.ts or src/styles/chart.css`,
          );
      }
    }
    const fontVariant = element.getAttribute('font-variant');
    if (fontVariant !== null && !/^(normal|small-caps)$/.test(fontVariant)) {
      const className = fontVariantClasses[fontVariant];
      if (className === undefined) throw new Error(`internal: chart font-variant "${fontVariant}" has no class in src/styles/chart.css`);
      element.removeAttribute('font-variant');
      element.classList.add(className);
    }
  }
}
