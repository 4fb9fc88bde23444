/**
 * Pandoc-style citations in chapter prose: `[@doe2020]`, `[@doe2020; @roe2021]`. One
 * pattern for the check at load time and the remark plugin that renders them.
 */
export const citationPattern = /\[(@[A-Za-z0-9_:.-]+(?:\s*;\s*@[A-Za-z0-9_:.-]+)*)\]/g;

export function citationKeys(match: string): string[] {
  return match.split(';').map((part) => part.trim().replace(/^@/, ''));
}
