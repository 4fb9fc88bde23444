import { ascending, sum } from 'd3-array';
import { cohenKappaOfTable } from './cohenKappa.ts';

/** The character-level 2 × 2 table of two coders for one code in one source, with agreement and kappa. */
export interface CharacterAgreement {
  readonly characters: number;
  readonly both: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
  readonly neither: number;
  /** Between 0 and 1; undefined for an empty source. */
  readonly agreement: number | undefined;
  /** Undefined for an empty source or when chance alone gives full agreement (e.g. neither coder coded anything). */
  readonly kappa: number | undefined;
}

/** Characters from `start` up to but not including `end`, as offsets into the source's text. */
export interface CharacterRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Agreement between two coders on one code in one source, character by character, as NVivo's
 * coding comparison query reports it: every character of the source is a unit, coded at the
 * code or not by each coder.
 *
 * - agreement = (characters coded by both + characters coded by neither) / all characters;
 * - kappa = Cohen's kappa on the same 2 × 2 table (`cohenKappaOfTable`), which is NVivo's
 *   (TA - ΣEF) / (TU - ΣEF) with ΣEF the agreement expected by chance.
 *
 * Long uncoded stretches make agreement high whatever the coders did with the rest, which is
 * why kappa stands beside it. Call it per code and per source; how to average over sources
 * (plainly, or weighted by their length) is the caller's choice.
 *
 * @param length the source's length in characters.
 * @param first the first coder's coded ranges; they may overlap or repeat (a passage coded
 *   twice), and each character counts once.
 * @param second the second coder's, likewise.
 */
export function characterAgreement(
  length: number,
  first: readonly CharacterRange[],
  second: readonly CharacterRange[],
): CharacterAgreement {
  if (!Number.isInteger(length) || length < 0) throw new Error(`internal: characterAgreement needs a text length; found ${length}`);
  const firstCoded = mergeRanges(first, length);
  const secondCoded = mergeRanges(second, length);
  const both = overlap(firstCoded, secondCoded);
  const firstOnly = covered(firstCoded) - both;
  const secondOnly = covered(secondCoded) - both;
  const neither = length - both - firstOnly - secondOnly;
  return {
    characters: length,
    both,
    firstOnly,
    secondOnly,
    neither,
    agreement: length === 0 ? undefined : (both + neither) / length,
    kappa: cohenKappaOfTable([
      [both, firstOnly],
      [secondOnly, neither],
    ]).kappa,
  };
}

/** The ranges sorted, with overlapping and touching ones joined, so no character is in two. */
export function mergeRanges(ranges: readonly CharacterRange[], length: number): CharacterRange[] {
  for (const { start, end } of ranges)
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length)
      throw new Error(`internal: a character range must lie within 0…${length}; found ${start}…${end}`);
  const merged: CharacterRange[] = [];
  for (const range of [...ranges].sort((a, b) => ascending(a.start, b.start))) {
    const last = merged.at(-1);
    if (last !== undefined && range.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else if (range.end > range.start) merged.push(range);
  }
  return merged;
}

function covered(ranges: readonly CharacterRange[]): number {
  return sum(ranges, (range) => range.end - range.start);
}

/** Characters in both lists of merged ranges. */
function overlap(a: readonly CharacterRange[], b: readonly CharacterRange[]): number {
  return sum(a, (x) => sum(b, (y) => Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start))));
}
