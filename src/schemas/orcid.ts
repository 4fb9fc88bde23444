/**
 * ORCID iDs, checked the way ORCID does: 16 characters in groups of four, the last one a
 * check character computed from the other 15 (ISO 7064 MOD 11-2, "X" standing for 10).
 * Pure, so both the study.yaml schema and the citation formats use this one definition.
 */

/** A bare ORCID iD as written in study.yaml: `0000-0002-1825-0097`. */
export const ORCID_ID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** The ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD. */
export function orcidCheckCharacter(baseDigits: string): string {
  let total = 0;
  for (const digit of baseDigits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/** Whether the last character of a bare ORCID iD (hyphens allowed, "X" upper-case) is its check character. */
export function hasValidOrcidCheckDigit(id: string): boolean {
  const digits = id.replace(/-/g, '');
  return digits.length === 16 && orcidCheckCharacter(digits.slice(0, 15)) === digits.slice(15);
}
