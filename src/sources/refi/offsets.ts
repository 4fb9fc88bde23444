import { bisectLeft } from 'd3-array';
import type { OffsetUnit } from './project.ts';

/**
 * How a project counts selection offsets. The standard says Unicode code points; NVivo's
 * exports count UTF-16 code units, so an emoji before a selection shifts it by one per emoji.
 */
export function offsetUnitFor(origin: string | undefined): OffsetUnit {
  return origin?.trim().toLowerCase().startsWith('nvivo') ? 'utf16-code-units' : 'code-points';
}

/** Offsets of one text in the project's unit, turned into code points. */
export interface TextOffsets {
  /** The text's length in the project's unit: the largest valid offset. */
  readonly length: number;
  /** The code-point offset, or undefined when a UTF-16 offset falls inside a surrogate pair. */
  toCodePoint(offset: number): number | undefined;
}

/**
 * Precomputed once per text, so converting each of many selections costs a binary search
 * over the text's astral characters, not a walk through the text.
 */
export function textOffsets(text: string, unit: OffsetUnit): TextOffsets {
  const astralStarts = astralCharacterStarts(text);
  if (unit === 'code-points') return { length: text.length - astralStarts.length, toCodePoint: (offset) => offset };
  return {
    length: text.length,
    toCodePoint(offset) {
      const before = bisectLeft(astralStarts, offset);
      if (before > 0 && astralStarts[before - 1] === offset - 1) return undefined;
      return offset - before;
    },
  };
}

/** UTF-16 indices where a character outside the Basic Multilingual Plane (a surrogate pair) starts. */
function astralCharacterStarts(text: string): number[] {
  const starts: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) starts.push(index++);
    }
  }
  return starts;
}

/** A source's plain text, measured and sliced in Unicode code points, as REFI-QDA offsets count. */
export interface CodePointText {
  /** Length in code points: an emoji counts 1. */
  readonly length: number;
  /** Code points `start` (included) to `end` (excluded), clipped to the text. */
  slice(start: number, end: number): string;
}

/**
 * Slicing by code points, with the same index of astral characters as `textOffsets`: code
 * point p is UTF-16 index p plus the astral characters before it.
 */
export function codePointText(text: string): CodePointText {
  const astralStarts = astralCharacterStarts(text);
  const length = text.length - astralStarts.length;
  if (astralStarts.length === 0) return { length, slice: (start, end) => text.slice(start, end) };
  // The k-th astral character starts at code point astralStarts[k] - k.
  const astralPoints = astralStarts.map((start, k) => start - k);
  const at = (point: number) => {
    const clipped = Math.max(0, Math.min(point, length));
    return clipped + bisectLeft(astralPoints, clipped);
  };
  return { length, slice: (start, end) => text.slice(at(start), at(end)) };
}
