import { krippendorffAlpha, type KrippendorffAlpha } from './krippendorffAlpha.ts';
import { nominalValue, type CodedValue, type Coding } from './reliabilityData.ts';

/**
 * Krippendorff's alpha for each code of a multi-code dimension, on presence or absence: each
 * coder's cell becomes "present" if it holds the code and "absent" if it holds others, and a
 * missing cell stays missing (not coding a unit is not saying the code is absent).
 *
 * Alpha on whole sets (`krippendorffAlpha`) counts {a, b} against {a} as a full disagreement;
 * this says, code by code, which codes coders apply alike. Codes are compared as written: to
 * count a code's children as the code, put its ancestors into each cell before calling.
 *
 * Returns a map in the order of `codes`. A code no coder used, or used in every cell, has
 * no variation and its alpha is undefined.
 *
 * @param codings the reliability data, as for `krippendorffAlpha`, with multi-code cells.
 * @param codes the dimension's codes to report, each once.
 */
export function presenceAlpha(codings: readonly Coding[], codes: readonly string[]): Map<string, KrippendorffAlpha> {
  if (new Set(codes).size !== codes.length) throw new Error('internal: presenceAlpha needs each code once');
  return new Map(
    codes.map((code) => [code, krippendorffAlpha(codings.map((coding) => ({ ...coding, value: presence(coding.value, code) })))] as const),
  );
}

/** One cell as "present" or "absent" for one code; undefined when the cell is missing. */
export function presence(value: CodedValue, code: string): 'present' | 'absent' | undefined {
  if (nominalValue(value) === undefined) return undefined;
  const codes = typeof value === 'string' ? [value] : (value ?? []);
  return codes.includes(code) ? 'present' : 'absent';
}
