/**
 * Pandoc-style citations in chapter prose: `[@doe2020]`, `[@doe2020; @roe2021]`. One
 * pattern for the check at load time and the remark plugin that renders them.
 */
export const citationPattern = /\[(@[A-Za-z0-9_:.-]+(?:\s*;\s*@[A-Za-z0-9_:.-]+)*)\]/g;

export function citationKeys(match: string): string[] {
  return match.split(';').map((part) => part.trim().replace(/^@/, ''));
}

/**
 * The keys of a `<Cite keys="...">` component, separated by semicolons (as the remark plugin
 * writes them), commas or spaces: one reading for the check at load time and for the page.
 */
export function citeComponentKeys(value: string): string[] {
  return value.split(/[;,\s]+/).filter(Boolean);
}
