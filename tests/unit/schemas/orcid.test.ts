import { describe, expect, it } from 'vitest';
import { author } from '../../../src/schemas/study.ts';
import { hasValidOrcidCheckDigit, orcidCheckCharacter } from '../../../src/schemas/orcid.ts';

describe('the ORCID check digit (ISO 7064 MOD 11-2)', () => {
  it('computes the check character of the first 15 digits, X standing for 10', () => {
    expect(orcidCheckCharacter('000000021825009')).toBe('7');
    expect(orcidCheckCharacter('000000029079593')).toBe('X');
    expect(orcidCheckCharacter('000000015109370')).toBe('0');
  });

  it('accepts an iD whose last character is its check character', () => {
    expect(hasValidOrcidCheckDigit('0000-0002-1825-0097')).toBe(true);
    expect(hasValidOrcidCheckDigit('0000-0002-9079-593X')).toBe(true);
  });

  it('refuses a wrong check digit, a lower-case x and a short iD', () => {
    expect(hasValidOrcidCheckDigit('0000-0002-1825-0098')).toBe(false);
    expect(hasValidOrcidCheckDigit('0000-0002-9079-5937')).toBe(false);
    expect(hasValidOrcidCheckDigit('0000-0002-9079-593x')).toBe(false);
    expect(hasValidOrcidCheckDigit('0000-0002-1825-009')).toBe(false);
  });
});

describe('author.orcid in study.yaml', () => {
  const messages = (orcid: string) => {
    const result = author.safeParse({ family: 'Tester', orcid });
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it('accepts valid iDs, including one ending in X', () => {
    expect(messages('0000-0002-1825-0097')).toEqual([]);
    expect(messages('0000-0002-9079-593X')).toEqual([]);
  });

  it('refuses a wrong check digit with one message', () => {
    expect(messages('0000-0002-1825-0098')).toEqual([expect.stringMatching(/^expected an ORCID iD with a valid check digit/)]);
  });

  it('refuses a malformed iD once, for its shape and not also for its check digit', () => {
    expect(messages('0000-0002-1825-009')).toEqual(['expected an ORCID iD such as 0000-0002-1825-0097']);
    expect(messages('https://orcid.org/0000-0002-1825-0097')).toEqual(['expected an ORCID iD such as 0000-0002-1825-0097']);
  });
});
