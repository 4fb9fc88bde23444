import { bundledFontStack } from './bundledFont.ts';
import { exportColours } from './exportColours.ts';
import { chartPartAttribute, chartPartValue } from './standaloneSvg.ts';
import { createSvgDocument, formatNumber, parseSvg, serializeSvg, viewBoxOf } from './svgDocument.ts';
import { svgToPng } from './svgToPng.ts';
import { appendTextBlock } from './textBlock.ts';
import { estimateTextWidth, wrapText } from './wrapText.ts';

export interface SocialCardOptions {
  /** A standalone SVG from standaloneSvg: its colours and fonts are already concrete. */
  readonly chartSvg: string;
  /** The chart's title, the card's headline. */
  readonly title: string;
  readonly subtitle?: string;
  readonly reportTitle: string;
  /** The site's address as readers should type it, such as "example.org/vaccine-talk". */
  readonly site: string;
  /** Whether the data are made up for demonstration; the card then says so. */
  readonly illustrative: boolean;
}

/** Open Graph and Twitter both crop to, and recommend, 1200 × 630. */
export const socialCardSize = { width: 1200, height: 630 } as const;

const layout = {
  margin: 60,
  accentBar: { height: 10, fill: '#2b6cb0' },
  reportTitle: { top: 42, fontSize: 26, lineHeight: 1.3 },
  gapBelowReportTitle: 10,
  /** A headline that needs a third line gets a smaller size so the chart keeps its room. */
  title: [
    { fontSize: 48, lineHeight: 1.15, maxLines: 2 },
    { fontSize: 38, lineHeight: 1.15, maxLines: 3 },
  ],
  subtitle: { fontSize: 26, lineHeight: 1.3 },
  gapAroundChart: 20,
  footer: { fontSize: 24, lineHeight: 1.3, bottom: 36 },
  badge: { text: 'Illustrative data', fontSize: 22, paddingX: 16, paddingY: 8, fill: '#fdf0d5', stroke: '#b45309', textFill: '#7c2d12' },
};

/** The social preview as a 1200 × 630 PNG, for `og:image` and `twitter:image`. */
export function socialCard(options: SocialCardOptions): Buffer {
  return svgToPng(socialCardSvg(options), { width: socialCardSize.width });
}

/**
 * The social preview as SVG: report title small at the top, the chart's title as the
 * headline, the chart scaled into the space left, and the site's address at the bottom,
 * so the card identifies its source when shared without its link text.
 */
export function socialCardSvg(options: SocialCardOptions): string {
  const { width, height } = socialCardSize;
  const { margin } = layout;
  const textWidth = width - 2 * margin;
  const { root } = createSvgDocument();
  const document = root.ownerDocument;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', bundledFontStack);

  const background = document.createElement('rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', exportColours.background);
  root.appendChild(background);
  const accent = document.createElement('rect');
  accent.setAttribute('width', String(width));
  accent.setAttribute('height', String(layout.accentBar.height));
  accent.setAttribute('fill', layout.accentBar.fill);
  root.appendChild(accent);

  let y = appendTextBlock(root, {
    lines: wrapText(options.reportTitle, { maxWidth: textWidth, fontSize: layout.reportTitle.fontSize, maxLines: 1 }),
    x: margin,
    ...layout.reportTitle,
    fill: exportColours.mutedText,
  });
  y += layout.gapBelowReportTitle;

  const headline = headlineLines(options.title, textWidth);
  y = appendTextBlock(root, { lines: headline.lines, x: margin, top: y, ...headline.style, fill: exportColours.text, bold: true });
  if (options.subtitle) {
    y = appendTextBlock(root, {
      lines: wrapText(options.subtitle, { maxWidth: textWidth, fontSize: layout.subtitle.fontSize, maxLines: 1 }),
      x: margin,
      top: y,
      ...layout.subtitle,
      fill: exportColours.mutedText,
    });
  }

  const footerHeight = layout.footer.fontSize * layout.footer.lineHeight;
  const footerTop = height - layout.footer.bottom - footerHeight;
  const badgeWidth = options.illustrative ? appendBadge(root, width - margin, footerTop + footerHeight / 2) + layout.gapAroundChart : 0;
  appendTextBlock(root, {
    lines: wrapText(options.site, { maxWidth: textWidth - badgeWidth, fontSize: layout.footer.fontSize, maxLines: 1 }),
    x: margin,
    top: footerTop,
    ...layout.footer,
    fill: exportColours.mutedText,
  });

  const chartTop = y + layout.gapAroundChart;
  const chartHeight = footerTop - layout.gapAroundChart - chartTop;
  if (chartHeight > 0) embedChart(root, options.chartSvg, { x: margin, y: chartTop, width: textWidth, height: chartHeight });
  return serializeSvg(root);
}

/** The headline at the largest size that fits in its line budget, else the smaller size, cut with "…". */
function headlineLines(title: string, maxWidth: number) {
  for (const style of layout.title) {
    const lines = wrapText(title, { maxWidth, fontSize: style.fontSize, bold: true });
    if (lines.length <= style.maxLines) return { lines, style };
  }
  const style = layout.title[layout.title.length - 1]!;
  return { lines: wrapText(title, { maxWidth, fontSize: style.fontSize, bold: true, maxLines: style.maxLines }), style };
}

/** The "Illustrative data" label, right-aligned at `right` and centred on `middle`. Returns its width. */
function appendBadge(root: Element, right: number, middle: number): number {
  const { text, fontSize, paddingX, paddingY, fill, stroke, textFill } = layout.badge;
  const document = root.ownerDocument;
  const width = estimateTextWidth(text, fontSize, true) + 2 * paddingX;
  const height = fontSize * 1.2 + 2 * paddingY;
  const group = document.createElement('g');
  const box = document.createElement('rect');
  box.setAttribute('x', formatNumber(right - width));
  box.setAttribute('y', formatNumber(middle - height / 2));
  box.setAttribute('width', formatNumber(width));
  box.setAttribute('height', formatNumber(height));
  box.setAttribute('rx', '8');
  box.setAttribute('fill', fill);
  box.setAttribute('stroke', stroke);
  box.setAttribute('stroke-width', '2');
  group.appendChild(box);
  appendTextBlock(group, {
    lines: [text],
    x: right - width / 2,
    top: middle - (fontSize * 1.2) / 2,
    fontSize,
    lineHeight: 1.2,
    fill: textFill,
    bold: true,
    anchor: 'middle',
  });
  root.appendChild(group);
  return width;
}

/**
 * The chart as a nested <svg> scaled into `area`, centred, keeping its proportions. From a
 * standalone SVG only the chart part is taken: the card draws its own title and address.
 */
function embedChart(card: Element, chartSvg: string, area: { x: number; y: number; width: number; height: number }): void {
  const { root } = parseSvg(chartSvg);
  const chart = root.querySelector(`svg[${chartPartAttribute}="${chartPartValue}"]`) ?? root;
  const xlink = root.getAttribute('xmlns:xlink');
  if (xlink !== null) card.setAttribute('xmlns:xlink', xlink);
  const box = viewBoxOf(chart);
  chart.removeAttribute('xmlns');
  chart.setAttribute('viewBox', [box.x, box.y, box.width, box.height].map(formatNumber).join(' '));
  chart.setAttribute('x', formatNumber(area.x));
  chart.setAttribute('y', formatNumber(area.y));
  chart.setAttribute('width', formatNumber(area.width));
  chart.setAttribute('height', formatNumber(area.height));
  chart.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  card.appendChild(chart);
}
