const ORCID = /^(?:(?:https?:\/\/)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/?$/i;

/** The ISO 7064 MOD 11-2 check character ORCID uses for its last digit. */
function checkCharacter(baseDigits: string): string {
  let total = 0;
  for (const digit of baseDigits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/**
 * The canonical `https://orcid.org/…` URL of an ORCID iD given bare or as a URL.
 *
 * @throws Error if the value is not an ORCID iD or its check digit is wrong.
 */
export function orcidUrl(orcid: string): string {
  const match = ORCID.exec(orcid.trim());
  const id = match?.[1]?.toUpperCase();
  if (id === undefined) throw new Error(`"${orcid}" is not an ORCID iD (expected 0000-0000-0000-000X)`);
  const digits = id.replace(/-/g, '');
  if (checkCharacter(digits.slice(0, 15)) !== digits.slice(15)) {
    throw new Error(`ORCID iD "${orcid}" has a wrong check digit`);
  }
  return `https://orcid.org/${id}`;
}
