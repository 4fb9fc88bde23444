import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, hintsAgainst } from '../../../src/problems/didYouMean.ts';

describe('closestMatch', () => {
  it('reads candidates given once, as an iterator, for both the closest and the prefix', () => {
    expect(closestMatch('well', new Set(['technology', 'wellbeing']).values())).toBe('wellbeing');
    expect(closestMatch('perod', new Map([['period', 1]]).keys())).toBe('period');
  });

  it('finds a misspelling within a few edits', () => {
    expect(closestMatch('perod', ['id', 'period', 'participants'])).toBe('period');
    expect(closestMatch('multipel', ['multiple', 'count'])).toBe('multiple');
    expect(closestMatch('wellbeign', ['technology', 'wellbeing'])).toBe('wellbeing');
  });

  it('matches a different letter case exactly', () => {
    expect(closestMatch('Technology', ['hardware', 'technology'])).toBe('technology');
  });

  it('takes a prefix as shorthand ("tech" for "technology")', () => {
    expect(closestMatch('tech', ['hardware', 'technology', 'wellbeing'])).toBe('technology');
  });

  it('does not take a prefix of fewer than three letters', () => {
    expect(closestMatch('te', ['technology'])).toBeUndefined();
  });

  it('finds a participant id written without its leading zero', () => {
    expect(closestMatch('M1', ['M01', 'M02', 'M03'])).toBe('M01');
  });

  it('suggests nothing unrelated', () => {
    expect(closestMatch('zzzzzz', ['period', 'title'])).toBeUndefined();
    expect(closestMatch('banana', ['technology', 'wellbeing'])).toBeUndefined();
  });

  it('allows one edit only in a short value', () => {
    expect(closestMatch('M4', ['M01', 'M02', 'M03'])).toBeUndefined();
    expect(closestMatch('M9', ['M01', 'M02', 'M03'])).toBeUndefined();
    expect(closestMatch('tne', ['tone'])).toBe('tone');
  });

  it('does not offer a short value with every letter changed', () => {
    expect(closestMatch('xy', ['ab'])).toBeUndefined();
    expect(closestMatch('x', ['y'])).toBeUndefined();
  });

  it('finds nothing among no candidates', () => {
    expect(closestMatch('posts', [])).toBeUndefined();
  });

  it('reads any iterable of candidates', () => {
    expect(closestMatch('psots', new Set(['posts', 'notes']))).toBe('posts');
  });
});

describe('didYouMean', () => {
  it('gives the hint with a leading space, ready to append to a message', () => {
    expect(didYouMean('perod', ['period'])).toBe(' (did you mean "period"?)');
  });

  it('gives the empty string when nothing is close', () => {
    expect(didYouMean('zzzzzz', ['period'])).toBe('');
  });
});

describe('a value whose lower case is longer than itself', () => {
  it('is not every letter rewritten: "i" is no typo of "İ" (whose lower case is two code units)', () => {
    expect(closestMatch('i', ['İ'])).toBeUndefined();
    expect(hintsAgainst(['İ'])('i')).toBe('');
  });
});

describe('hintsAgainst', () => {
  const ids = ['M01', 'M02', 'M03', 'wellbeing', 'technology'];

  it('gives the hints didYouMean gives: a typo, a letter case, a prefix, and none for a tie or an unrelated value', () => {
    const hintFor = hintsAgainst(ids);
    const expected = {
      M1: ' (did you mean "M01"?)',
      M07: '',
      well: ' (did you mean "wellbeing"?)',
      Technology: ' (did you mean "technology"?)',
      x: '',
      wellbeign: ' (did you mean "wellbeing"?)',
    };
    for (const [found, hint] of Object.entries(expected)) {
      expect(hintFor(found), found).toBe(hint);
      expect(didYouMean(found, ids), found).toBe(hint);
    }
  });

  it('reads the known values once, and only when a hint is first asked for', () => {
    let reads = 0;
    const known = {
      *[Symbol.iterator]() {
        reads++;
        yield* ids;
      },
    };
    const hintFor = hintsAgainst(known);
    expect(reads).toBe(0);
    expect(hintFor('M1')).toBe(' (did you mean "M01"?)');
    expect(hintFor('wellbeign')).toBe(' (did you mean "wellbeing"?)');
    expect(reads).toBe(1);
  });

  it('looks a value found again up once, and gives no more hints once its budget of comparisons is spent', () => {
    // A budget of one pass over the five known values: the first value found gets its hint,
    // and keeps it when found again; a second value gets none.
    const hintFor = hintsAgainst(ids, ids.length);
    expect(hintFor('M1')).toBe(' (did you mean "M01"?)');
    expect(hintFor('M1')).toBe(' (did you mean "M01"?)');
    expect(hintFor('wellbeign')).toBe('');
  });
});
