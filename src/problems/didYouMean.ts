import { distance } from 'fastest-levenshtein';

/**
 * The closest known value to a misspelt one, or undefined when nothing is close enough
 * to be a plausible typo (so the hint never suggests something unrelated).
 */
export function closestMatch(found: string, known: Iterable<string>): string | undefined {
  // Read twice below (closest, then prefix): an iterator given here must not be used up by the first.
  const candidates = [...known];
  const lower = found.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance) tied = true;
  }
  // One edit for a short value ("M1" for "M01", but "M4" is not "M01"), more for a long one,
  // and never every letter rewritten ("x" is no typo of "y"). Nor when several are as close:
  // "M07" is one edit from M01, M02 and M03 alike, and naming the first would be a guess
  // that files a participant's rows under someone else.
  const tolerance = found.length <= 3 ? 1 : Math.max(2, Math.floor(found.length / 3));
  if (best !== undefined && !tied && bestDistance <= tolerance && bestDistance < Math.max(lower.length, best.length)) return best;
  // A prefix ("well" for "wellbeing") is a common shorthand rather than a typo.
  for (const candidate of candidates) if (lower.length >= 3 && candidate.toLowerCase().startsWith(lower)) return candidate;
  return undefined;
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMean(found: string, known: Iterable<string>): string {
  const match = closestMatch(found, known);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}
