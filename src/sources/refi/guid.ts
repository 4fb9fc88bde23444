/** `8-4-4-4-12` hex digits, optionally in braces, as the REFI-QDA schema's GUIDType allows. */
const guidPattern = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/**
 * A GUID in the one form the model uses: lower case, without braces. Vendors write upper
 * case (MAXQDA) or braces (ATLAS.ti), and references must match whatever the form. Returns
 * undefined for a value that is not a GUID (braces must come in a pair).
 */
export function normaliseGuid(value: string): string | undefined {
  const trimmed = value.trim();
  const match = guidPattern.exec(trimmed);
  if (!match?.[1]) return undefined;
  if (trimmed.startsWith('{') !== trimmed.endsWith('}')) return undefined;
  return match[1].toLowerCase();
}
