import { hasValidOrcidCheckDigit } from '../schemas/orcid.ts';

const ORCID = /^(?:(?:https?:\/\/)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/?$/i;

/**
 * The canonical `https://orcid.org/…` URL of an ORCID iD given bare or as a URL.
 *
 * @throws Error if the value is not an ORCID iD or its check digit is wrong.
 */
export function orcidUrl(orcid: string): string {
  const match = ORCID.exec(orcid.trim());
  const id = match?.[1]?.toUpperCase();
  if (id === undefined) throw new Error(`"${orcid}" is not an ORCID iD (expected 0000-0000-0000-000X)`);
  if (!hasValidOrcidCheckDigit(id)) throw new Error(`ORCID iD "${orcid}" has a wrong check digit`);
  return `https://orcid.org/${id}`;
}
