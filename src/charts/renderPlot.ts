import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { countStage, timeStage } from '../build/stageTimer.ts';

export interface AccessibleChart {
  /** Plot options without `document`, which is supplied here. */
  readonly plot: Plot.PlotOptions;
  /** The chart's accessible name: what it shows, in one line. */
  readonly title: string;
  /** A longer text description generated from the data. */
  readonly description: string;
}

/**
 * Render Plot options to an SVG string at build time, with linkedom standing in for the
 * browser's document, so charts need no JavaScript in the reader's browser.
 */
export function renderPlot(chart: AccessibleChart, id: string): string {
  countStage('charts');
  return timeStage('charts', () => renderSvg(chart, id));
}

function renderSvg({ plot, title, description }: AccessibleChart, id: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const rendered = Plot.plot({ ...plot, document: document as unknown as Document }) as unknown as Element;
  const svg = rendered.tagName.toLowerCase() === 'svg' ? rendered : rendered.querySelector('svg');
  if (!svg) throw new Error('internal: Plot rendered no <svg>');

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
  const titleElement = document.createElement('title');
  titleElement.setAttribute('id', `${id}-title`);
  titleElement.textContent = title;
  const descElement = document.createElement('desc');
  descElement.setAttribute('id', `${id}-desc`);
  descElement.textContent = description;
  svg.insertBefore(descElement, svg.firstChild);
  svg.insertBefore(titleElement, svg.firstChild);
  return svg.outerHTML;
}
