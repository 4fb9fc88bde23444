/** A source's plain text, measured and sliced in Unicode code points, as REFI-QDA offsets count. */
export interface CodePointText {
  /** Length in code points: an emoji counts 1. */
  readonly length: number;
  /** Code points `start` (included) to `end` (excluded), clipped to the text. */
  slice(start: number, end: number): string;
}

const astral = /[\uD800-\uDFFF]/;

/**
 * Slicing by code points. Most texts have no character beyond the Basic Multilingual Plane,
 * where code points and UTF-16 units agree and `String.slice` is exact; the others get an
 * index from code point to UTF-16 position, built once per source.
 */
export function codePointText(text: string): CodePointText {
  if (!astral.test(text)) return { length: text.length, slice: (start, end) => text.slice(start, end) };
  const positions: number[] = [];
  for (let unit = 0; unit < text.length; unit++) {
    positions.push(unit);
    const first = text.charCodeAt(unit);
    const second = text.charCodeAt(unit + 1);
    if (first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff) unit++;
  }
  positions.push(text.length);
  const at = (point: number) => positions[Math.max(0, Math.min(point, positions.length - 1))]!;
  return { length: positions.length - 1, slice: (start, end) => text.slice(at(start), at(end)) };
}
