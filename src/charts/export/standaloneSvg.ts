import { bundledFontStack } from './bundledFont.ts';
import { exportColours } from './exportColours.ts';
import { makeSelfContained } from './selfContainedStyles.ts';
import { createSvgDocument, formatNumber, parseSvg, serializeSvg, viewBoxOf, xlinkNamespace } from './svgDocument.ts';
import { appendTextBlock } from './textBlock.ts';
import { wrapText } from './wrapText.ts';

export interface StandaloneSvgOptions {
  /** Drawn above the chart, so a downloaded file still says what it shows when cited or pasted. */
  readonly title: string;
  /** Drawn below the chart as given, for example "Source: Vaccine talk on Twitter, 2014 (qualpress)". */
  readonly source: string;
  /** Displayed width in px; the height follows. Default: the chart's own width plus margins. */
  readonly width?: number;
}

/** Marks the chart inside the file, so a social card can reuse it without the title and source. */
export const chartPartAttribute = 'data-part';
export const chartPartValue = 'chart';

const layout = {
  margin: 20,
  title: { fontSize: 18, lineHeight: 1.3 },
  gapAboveChart: 4,
  gapBelowChart: 14,
  source: { fontSize: 12, lineHeight: 1.4 },
};

/**
 * A complete SVG document for download, made from the inline `<svg>` a page shows: the
 * chart on white, with its title above and its source below, coloured and typeset with
 * concrete values so it looks the same in any viewer, editor or slide deck.
 */
export function standaloneSvg(inlineSvg: string, options: StandaloneSvgOptions): string {
  if (options.width !== undefined && !(options.width > 0 && Number.isFinite(options.width))) {
    throw new RangeError(`standaloneSvg: width must be a positive number, not ${options.width}`);
  }
  const { root: chart } = parseSvg(inlineSvg);
  const chartBox = viewBoxOf(chart);
  makeSelfContained(chart);
  // Only page CSS uses the class, and the file must not depend on page CSS.
  chart.removeAttribute('class');

  const titleLines = wrapText(options.title, { maxWidth: chartBox.width, fontSize: layout.title.fontSize, bold: true });
  const sourceLines = wrapText(options.source, { maxWidth: chartBox.width, fontSize: layout.source.fontSize });
  const titleHeight = titleLines.length * layout.title.fontSize * layout.title.lineHeight;
  const sourceHeight = sourceLines.length * layout.source.fontSize * layout.source.lineHeight;
  const chartTop = layout.margin + (titleHeight > 0 ? titleHeight + layout.gapAboveChart : 0);
  const sourceTop = chartTop + chartBox.height + (sourceHeight > 0 ? layout.gapBelowChart : 0);
  const width = chartBox.width + 2 * layout.margin;
  const height = sourceTop + sourceHeight + layout.margin;
  const displayWidth = options.width ?? width;

  const { root } = createSvgDocument();
  root.setAttribute('width', formatNumber(displayWidth));
  root.setAttribute('height', formatNumber((displayWidth * height) / width));
  root.setAttribute('viewBox', `0 0 ${formatNumber(width)} ${formatNumber(height)}`);
  if (usesXlink(chart)) root.setAttribute('xmlns:xlink', xlinkNamespace);
  root.setAttribute('font-family', bundledFontStack);
  moveAccessibleName(chart, root, options.title);

  const background = root.ownerDocument.createElement('rect');
  background.setAttribute('width', formatNumber(width));
  background.setAttribute('height', formatNumber(height));
  background.setAttribute('fill', exportColours.background);
  root.appendChild(background);

  appendTextBlock(root, { lines: titleLines, x: layout.margin, top: layout.margin, ...layout.title, fill: exportColours.text, bold: true });

  // Nested as its own <svg>, the chart keeps its coordinate system and the inherited
  // attributes Plot puts on its root (font size, text anchor, fill), all scoped to it.
  chart.removeAttribute('xmlns');
  chart.setAttribute(chartPartAttribute, chartPartValue);
  chart.setAttribute('x', formatNumber(layout.margin));
  chart.setAttribute('y', formatNumber(chartTop));
  chart.setAttribute('width', formatNumber(chartBox.width));
  chart.setAttribute('height', formatNumber(chartBox.height));
  chart.setAttribute('viewBox', [chartBox.x, chartBox.y, chartBox.width, chartBox.height].map(formatNumber).join(' '));
  root.appendChild(chart);

  appendTextBlock(root, { lines: sourceLines, x: layout.margin, top: sourceTop, ...layout.source, fill: exportColours.mutedText });
  return serializeSvg(root);
}

/**
 * The chart's <title> and <desc> name the whole file for screen readers and file
 * previews, so they move to the document's root along with the ARIA attributes naming them.
 */
function moveAccessibleName(chart: Element, root: Element, fallbackTitle: string): void {
  const title = [...chart.children].find((child) => child.localName === 'title');
  const description = [...chart.children].find((child) => child.localName === 'desc');
  if (title) {
    root.appendChild(title);
  } else {
    const created = root.ownerDocument.createElement('title');
    created.textContent = fallbackTitle;
    root.appendChild(created);
  }
  if (description) root.appendChild(description);
  root.setAttribute('role', 'img');
  for (const name of ['aria-labelledby', 'aria-describedby']) {
    const value = chart.getAttribute(name);
    if (value !== null) root.setAttribute(name, value);
    chart.removeAttribute(name);
  }
  chart.removeAttribute('role');
}

/** Whether any element uses an `xlink:` attribute, which needs its namespace declared on the root. */
function usesXlink(chart: Element): boolean {
  return [chart, ...chart.querySelectorAll('*')].some((element) =>
    [...element.attributes].some((attribute) => attribute.name.startsWith('xlink:')),
  );
}
