/**
 * Keep the `top` largest groups and fold the rest into one "all others" group, so a chart
 * of 5,000 participants stays readable while its totals still add up.
 */
export function foldOthers<T>(items: readonly T[], top: number, size: (item: T) => number, combine: (rest: readonly T[]) => T): T[] {
  const ranked = [...items].sort((a, b) => size(b) - size(a));
  // Folding a single item would only rename it.
  if (ranked.length <= top + 1) return ranked;
  return [...ranked.slice(0, top), combine(ranked.slice(top))];
}
