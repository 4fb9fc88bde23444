import { DOMParser } from 'linkedom';

export const svgNamespace = 'http://www.w3.org/2000/svg';
export const xlinkNamespace = 'http://www.w3.org/1999/xlink';

export interface ParsedSvg {
  readonly document: Document;
  readonly root: Element;
}

/**
 * Parse SVG markup as XML (not HTML), so element and attribute names keep their case
 * (`viewBox`, `linearGradient`) and text is escaped by the serializer on the way out.
 * Accepts both a standalone document and the inline `<svg>` of a page, which has no xmlns.
 */
export function parseSvg(markup: string): ParsedSvg {
  // eslint-disable-next-line no-restricted-syntax -- linkedom types: its DOMParser returns its own Document class, which has the DOM Document's members.
  const document = new DOMParser().parseFromString(markup, 'image/svg+xml') as unknown as Document;
  const root = document.documentElement as Element | null;
  if (!root || root.localName !== 'svg' || document.children.length !== 1) {
    throw new Error('Expected markup with a single <svg> root element');
  }
  return { document, root };
}

/** A new, empty SVG document whose root declares the SVG namespace. */
export function createSvgDocument(): ParsedSvg {
  return parseSvg(`<svg xmlns="${svgNamespace}"></svg>`);
}

/** Markup for a standalone .svg file: an XML declaration, then the root element. */
export function serializeSvg(root: Element): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.outerHTML}\n`;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The user-space box an `<svg>` draws in: its viewBox, or else its width and height. */
export function viewBoxOf(svg: Element): Box {
  const numbers = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (numbers.length === 4 && numbers.every(Number.isFinite) && numbers[2]! > 0 && numbers[3]! > 0) {
    const [x, y, width, height] = numbers as [number, number, number, number];
    return { x, y, width, height };
  }
  const width = Number.parseFloat(svg.getAttribute('width') ?? '');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (width > 0 && height > 0) return { x: 0, y: 0, width, height };
  throw new Error('The <svg> has neither a viewBox nor a width and height, so its size is unknown');
}

/** Numbers for attributes: short, and never `1e-7` or `530.0000000000001`. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
