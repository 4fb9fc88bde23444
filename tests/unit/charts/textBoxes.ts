import { estimateTextWidth } from '../../../src/charts/export/wrapText.ts';
import { parseSvg } from '../../helpers/chartFixture.ts';

/**
 * The boxes of an SVG's visible text, worked out the way a renderer places them, with widths
 * from the estimate the charts wrap text by (src/charts/export/wrapText.ts, calibrated to err
 * wide against the bundled Atkinson Hyperlegible). Vertically each line is its em box: 0.8 em
 * above the alphabetic baseline and 0.2 em below it.
 */
export interface TextBox {
  readonly text: string;
  /** The box's four corners in the root SVG's user space (a rotated label's box stays rotated). */
  readonly corners: readonly Point[];
}

type Point = readonly [number, number];
/** An affine transform [a, b, c, d, e, f], as SVG's matrix(). */
type Matrix = readonly [number, number, number, number, number, number];

const identity: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, [x, y]: Point): Point {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** An SVG transform list: translate, scale, rotate (about a point too) and matrix. */
export function parseTransform(value: string | null): Matrix {
  let result = identity;
  for (const [, name, args] of (value ?? '').matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const n = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const step: Matrix = (() => {
      switch (name) {
        case 'translate':
          return [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0] as const;
        case 'scale':
          return [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0] as const;
        case 'rotate': {
          const angle = ((n[0] ?? 0) * Math.PI) / 180;
          const [cx, cy] = [n[1] ?? 0, n[2] ?? 0];
          const rotation: Matrix = [Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0];
          return multiply(multiply([1, 0, 0, 1, cx, cy], rotation), [1, 0, 0, 1, -cx, -cy]);
        }
        case 'matrix':
          return [n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!] as const;
        default:
          throw new Error(`unsupported transform ${name}`);
      }
    })();
    result = multiply(result, step);
  }
  return result;
}

interface Inherited {
  readonly fontSize: number;
  readonly anchor: string;
  readonly baseline: string;
  readonly bold: boolean;
}

/** A length attribute: user units, px, or ems of the font size. */
function length(value: string | null, fontSize: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const first = value.trim().split(/[\s,]+/)[0]!;
  if (first.endsWith('em')) return Number.parseFloat(first) * fontSize;
  return Number.parseFloat(first);
}

function fontSizeOf(element: Element, parent: number): number {
  const value = element.getAttribute('font-size');
  if (value === null) return parent;
  if (value.endsWith('em')) return Number.parseFloat(value) * parent;
  if (value.endsWith('%')) return (Number.parseFloat(value) / 100) * parent;
  return Number.parseFloat(value);
}

function inherit(element: Element, parent: Inherited): Inherited {
  const weight = element.getAttribute('font-weight');
  return {
    fontSize: fontSizeOf(element, parent.fontSize),
    anchor: element.getAttribute('text-anchor') ?? parent.anchor,
    baseline: element.getAttribute('dominant-baseline') ?? parent.baseline,
    bold: weight === null ? parent.bold : weight === 'bold' || Number(weight) >= 600,
  };
}

function hidden(element: Element): boolean {
  return (
    element.getAttribute('display') === 'none' ||
    element.getAttribute('visibility') === 'hidden' ||
    element.getAttribute('opacity') === '0' ||
    element.getAttribute('fill-opacity') === '0'
  );
}

/** A nested <svg>'s placement: x, y, and its viewBox scaled to its width and height. */
function nestedSvgMatrix(element: Element): Matrix {
  const x = Number(element.getAttribute('x') ?? 0);
  const y = Number(element.getAttribute('y') ?? 0);
  const viewBox = element
    .getAttribute('viewBox')
    ?.split(/[\s,]+/)
    .map(Number);
  if (!viewBox || viewBox.length !== 4) return [1, 0, 0, 1, x, y];
  const [vx, vy, vw, vh] = viewBox as [number, number, number, number];
  const sx = Number(element.getAttribute('width') ?? vw) / vw;
  const sy = Number(element.getAttribute('height') ?? vh) / vh;
  return [sx, 0, 0, sy, x - vx * sx, y - vy * sy];
}

/** The corners of one line of text set at (x, y), before the element's transform. */
function lineCorners(text: string, x: number, y: number, style: Inherited): Point[] {
  const width = estimateTextWidth(text, style.fontSize, style.bold);
  const left = style.anchor === 'middle' ? x - width / 2 : style.anchor === 'end' ? x - width : x;
  const f = style.fontSize;
  const top =
    style.baseline === 'middle' || style.baseline === 'central'
      ? y - f / 2
      : style.baseline === 'hanging' || style.baseline === 'text-before-edge'
        ? y
        : style.baseline === 'text-after-edge' || style.baseline === 'ideographic'
          ? y - f
          : y - 0.8 * f;
  return [
    [left, top],
    [left + width, top],
    [left + width, top + f],
    [left, top + f],
  ];
}

/** The text an element draws: its own text nodes, not a <title> tooltip's. */
function ownText(element: Element): string {
  return [...element.childNodes]
    .filter((node) => node.nodeType === 3)
    .map((node) => node.textContent ?? '')
    .join('');
}

/** Every visible line of text in the SVG markup, with its box. */
export function textBoxes(markup: string): TextBox[] {
  const document = parseSvg(markup);
  const root = document.documentElement;
  const boxes: TextBox[] = [];
  const visit = (element: Element, matrix: Matrix, style: Inherited, isRoot: boolean) => {
    if (hidden(element)) return;
    const own = inherit(element, style);
    const name = element.localName;
    if (name === 'title' || name === 'desc' || name === 'style' || name === 'defs' || name === 'clipPath') return;
    let m = isRoot ? matrix : name === 'svg' ? multiply(matrix, nestedSvgMatrix(element)) : matrix;
    m = multiply(m, parseTransform(element.getAttribute('transform')));
    if (name === 'text') {
      const startX = length(element.getAttribute('x'), own.fontSize) ?? 0;
      const startY = length(element.getAttribute('y'), own.fontSize) ?? 0;
      let x = startX + (length(element.getAttribute('dx'), own.fontSize) ?? 0);
      let y = startY + (length(element.getAttribute('dy'), own.fontSize) ?? 0);
      const spans = [...element.children].filter((child) => child.localName === 'tspan');
      const add = (text: string, at: Inherited) => {
        if (text.trim() === '') return;
        boxes.push({ text, corners: lineCorners(text, x, y, at).map((corner) => apply(m, corner)) });
      };
      if (spans.length === 0) add(ownText(element), own);
      for (const span of spans) {
        if (hidden(span)) continue;
        const spanStyle = inherit(span, own);
        x = length(span.getAttribute('x'), spanStyle.fontSize) ?? x;
        y = length(span.getAttribute('y'), spanStyle.fontSize) ?? y;
        x += length(span.getAttribute('dx'), spanStyle.fontSize) ?? 0;
        y += length(span.getAttribute('dy'), spanStyle.fontSize) ?? 0;
        add(ownText(span), spanStyle);
      }
      return;
    }
    for (const child of element.children) visit(child, m, own, false);
  };
  // SVG's initial values: 16 px, start anchor, alphabetic baseline, normal weight.
  visit(root, identity, { fontSize: 16, anchor: 'start', baseline: 'auto', bold: false }, true);
  return boxes;
}

/** How far two boxes overlap along every axis that could separate them, or 0 when one does. */
function overlapDepth(a: readonly Point[], b: readonly Point[]): number {
  let least = Infinity;
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const [x1, y1] = polygon[i]!;
      const [x2, y2] = polygon[(i + 1) % polygon.length]!;
      const norm = Math.hypot(x2 - x1, y2 - y1);
      if (norm === 0) continue;
      const axis: Point = [(y1 - y2) / norm, (x2 - x1) / norm];
      const project = (points: readonly Point[]) => points.map(([x, y]) => x * axis[0] + y * axis[1]);
      const pa = project(a);
      const pb = project(b);
      const depth = Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb));
      if (depth <= 0) return 0;
      least = Math.min(least, depth);
    }
  }
  return least;
}

/** Pairs of text boxes that overlap by more than half a pixel (boxes that only touch do not count). */
export function overlappingText(markup: string): string[] {
  const boxes = textBoxes(markup);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlapDepth(boxes[i]!.corners, boxes[j]!.corners) > 0.5) pairs.push(`"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
    }
  }
  return pairs;
}

/** Text whose box reaches more than a pixel outside the drawing (the root's viewBox). */
export function textOutside(markup: string): string[] {
  const root = parseSvg(markup).documentElement;
  const [x, y, width, height] = (root.getAttribute('viewBox') ?? `0 0 ${root.getAttribute('width')} ${root.getAttribute('height')}`)
    .split(/[\s,]+/)
    .map(Number) as [number, number, number, number];
  return textBoxes(markup)
    .filter(({ corners }) => corners.some(([cx, cy]) => cx < x - 1 || cy < y - 1 || cx > x + width + 1 || cy > y + height + 1))
    .map((box) => `"${box.text}" runs out of the drawing`);
}
