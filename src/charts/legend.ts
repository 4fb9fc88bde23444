import { estimateTextWidth, wrapText } from './export/wrapText.ts';

/** A colour key drawn inside the chart's SVG, so it travels with downloads and PNGs. */
export interface Legend {
  readonly items: readonly { readonly label: string; readonly colour: string }[];
  /** Said before the swatches, e.g. "Share of group". */
  readonly title?: string;
}

const swatch = 12;
const rowHeight = 20;
const gap = 16;
const fontSize = 12;

/**
 * Lay the legend out as rows of swatches wrapped to the chart's width, drawn with DOM
 * calls so that labels from the data are escaped as text.
 */
export function drawLegend(document: Document, legend: Legend, width: number): { group: Element; height: number } {
  const svgNs = 'http://www.w3.org/2000/svg';
  const group = document.createElementNS(svgNs, 'g');
  group.setAttribute('class', 'chart-legend');
  group.setAttribute('font-size', String(fontSize));
  let x = 0;
  let y = 0;
  const entries = [...(legend.title ? [{ label: `${legend.title}:`, colour: undefined }] : []), ...legend.items];
  // The group is drawn 8 px in from each side.
  const room = width - 16;
  for (const { label: full, colour } of entries) {
    // A label longer than the chart is wide is cut short, its full text kept as a tooltip.
    const label = wrapText(full, { maxWidth: room - (colour ? swatch + 6 : 0), fontSize, maxLines: 1 })[0] ?? '';
    const entryWidth = (colour ? swatch + 6 : 0) + estimateTextWidth(label, fontSize);
    if (x > 0 && x + entryWidth > room) {
      x = 0;
      y += rowHeight;
    }
    if (colour) {
      const rect = document.createElementNS(svgNs, 'rect');
      for (const [name, value] of Object.entries({
        x: x,
        y: y + 3,
        width: swatch,
        height: swatch,
        fill: colour,
        stroke: 'currentColor',
        'stroke-opacity': 0.3,
      }))
        rect.setAttribute(name, String(value));
      group.appendChild(rect);
    }
    const text = document.createElementNS(svgNs, 'text');
    text.setAttribute('x', String(x + (colour ? swatch + 6 : 0)));
    text.setAttribute('y', String(y + 13));
    text.setAttribute('fill', 'currentColor');
    text.textContent = label;
    if (label !== full) {
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = full;
      text.appendChild(title);
    }
    group.appendChild(text);
    x += entryWidth + gap;
  }
  return { group, height: y + rowHeight + 8 };
}
