import { formatNumber } from './svgDocument.ts';

export interface TextBlock {
  readonly lines: readonly string[];
  readonly x: number;
  /** The top of the first line box. */
  readonly top: number;
  readonly fontSize: number;
  /** Distance between baselines, as a multiple of the font size. */
  readonly lineHeight: number;
  readonly fill: string;
  readonly bold?: boolean;
  readonly anchor?: 'start' | 'middle' | 'end';
}

/**
 * Append one `<text>` with a `<tspan>` per line. Lines go in through `textContent`, so the
 * serializer escapes them: a title such as `</svg><script>` stays text. Returns the bottom
 * of the last line box, for laying out what comes next.
 */
export function appendTextBlock(parent: Element, block: TextBlock): number {
  const { lines, x, top, fontSize, lineHeight, fill, bold = false, anchor = 'start' } = block;
  const document = parent.ownerDocument;
  const text = document.createElement('text');
  text.setAttribute('font-size', formatNumber(fontSize));
  text.setAttribute('fill', fill);
  text.setAttribute('text-anchor', anchor);
  if (bold) text.setAttribute('font-weight', '700');
  const step = fontSize * lineHeight;
  // The glyphs' ascent sits about 0.8 em above the baseline; centre the em box in each line box.
  const firstBaseline = top + (step - fontSize) / 2 + fontSize * 0.8;
  lines.forEach((line, index) => {
    const tspan = document.createElement('tspan');
    tspan.setAttribute('x', formatNumber(x));
    tspan.setAttribute('y', formatNumber(firstBaseline + index * step));
    // A space between lines keeps the words apart when the text is copied or searched;
    // at the end of a line it draws nothing.
    tspan.textContent = index < lines.length - 1 ? `${line} ` : line;
    text.appendChild(tspan);
  });
  if (lines.length > 0) parent.appendChild(text);
  return top + lines.length * step;
}
