import { distance } from 'fastest-levenshtein';

/** Known values, each with its lower-case form, worked out once. */
interface Candidates {
  readonly values: readonly string[];
  readonly lower: readonly string[];
}

const candidatesOf = (known: Iterable<string>): Candidates => {
  const values = [...known];
  return { values, lower: values.map((value) => value.toLowerCase()) };
};

/**
 * The closest known value to a misspelt one, or undefined when nothing is close enough
 * to be a plausible typo (so the hint never suggests something unrelated).
 */
export function closestMatch(found: string, known: Iterable<string>): string | undefined {
  return closestIn(found, candidatesOf(known));
}

function closestIn(found: string, { values, lower: lowered }: Candidates): string | undefined {
  const lower = found.toLowerCase();
  let best = -1;
  let bestDistance = Infinity;
  let tied = false;
  for (let index = 0; index < values.length; index++) {
    const candidate = lowered[index]!;
    if (candidate === lower) return values[index];
    const d = distance(lower, candidate);
    if (d < bestDistance) {
      best = index;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance) tied = true;
  }
  // One edit for a short value ("M1" for "M01", but "M4" is not "M01"), more for a long one,
  // and never every letter rewritten ("x" is no typo of "y"). Nor when several are as close:
  // "M07" is one edit from M01, M02 and M03 alike, and naming the first would be a guess
  // that files a participant's rows under someone else.
  const tolerance = found.length <= 3 ? 1 : Math.max(2, Math.floor(found.length / 3));
  if (best >= 0 && !tied && bestDistance <= tolerance && bestDistance < Math.max(lower.length, values[best]!.length)) return values[best];
  // A prefix ("well" for "wellbeing") is a common shorthand rather than a typo.
  if (lower.length >= 3) for (let index = 0; index < values.length; index++) if (lowered[index]!.startsWith(lower)) return values[index];
  return undefined;
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMean(found: string, known: Iterable<string>): string {
  return hint(closestMatch(found, known));
}

const hint = (match: string | undefined): string => (match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`);

/**
 * Hints for many values found against one big list of known values (a dataset's million
 * unit ids, a study's thousands of participants), as `didYouMean` gives them. The list is
 * read when the first hint is asked for, a value found on many rows is looked up once, and
 * the hints stop once they have compared `budget` pairs of values (about a second's work by
 * default): a file full of ids from elsewhere still has every row reported at once, the first
 * ones with a hint and the rest without.
 */
export function hintsAgainst(known: Iterable<string>, budget = 20_000_000): (found: string) => string {
  let candidates: Candidates | undefined;
  let left = budget;
  const given = new Map<string, string>();
  return (found) => {
    const cached = given.get(found);
    if (cached !== undefined) return cached;
    candidates ??= candidatesOf(known);
    if (left < candidates.values.length) return '';
    left -= candidates.values.length;
    const text = hint(closestIn(found, candidates));
    // Bounded, so a file of distinct unknown values does not keep them all.
    if (given.size < 65_536) given.set(found, text);
    return text;
  };
}
