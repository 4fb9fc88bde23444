import type { Code } from '../model/study.ts';

/**
 * For each code, itself and every code it is nested under. Counting a unit once under
 * each of these makes a parent's count include its children without double counting.
 */
export function codeAncestry(codes: readonly Code[]): ReadonlyMap<string, readonly string[]> {
  const parentOf = new Map(codes.map((code) => [code.id, code.parent] as const));
  return new Map(
    codes.map((code) => {
      const chain = [code.id];
      for (let parent = code.parent; parent !== undefined; parent = parentOf.get(parent)) chain.push(parent);
      return [code.id, chain] as const;
    }),
  );
}

/** The distinct codes a cell counts towards: those written, and their ancestors. */
export function countedCodes(written: readonly string[], ancestry: ReadonlyMap<string, readonly string[]>): readonly string[] {
  if (written.length === 1) return ancestry.get(written[0]!) ?? written;
  return [...new Set(written.flatMap((code) => ancestry.get(code) ?? [code]))];
}
