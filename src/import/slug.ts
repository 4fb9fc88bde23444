/** Letters that Unicode decomposition leaves whole, spelt the way an English slug would. */
const spelt: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Longest slug kept, so ids stay readable in URLs and CSV headers. */
const longest = 60;

/**
 * An identifier for a name as a vendor wrote it (`Ängste & Hoffnungen` → `angste-hoffnungen`):
 * lower-case ASCII letters and digits joined by "-", starting with a letter as study ids
 * must. `fallback` stands in for a name with nothing left (`code` for "???") and is put in
 * front of one that starts with a digit (`code-1-intro` for "1. Intro").
 */
export function slugOf(name: string, fallback: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => spelt[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const started = slug === '' ? fallback : /^[a-z]/.test(slug) ? slug : `${fallback}-${slug}`;
  return started.length <= longest ? started : started.slice(0, longest).replace(/-+[^-]*$/, '') || started.slice(0, longest);
}

/**
 * A maker of slugs unique among everything it has made and everything `reserved`: the
 * second "Trust" becomes `trust-2`, the third `trust-3`.
 */
export function uniqueSlugs(fallback: string, reserved: Iterable<string> = []): (name: string) => string {
  const taken = new Set(reserved);
  return (name) => {
    const slug = slugOf(name, fallback);
    let unique = slug;
    for (let suffix = 2; taken.has(unique); suffix++) unique = `${slug}-${suffix}`;
    taken.add(unique);
    return unique;
  };
}

/** `S01`, `P07`, `G0001`: a prefix and a number padded to `width` digits, so ids sort as they are numbered. */
export function numberedId(prefix: string, index: number, width: number): string {
  return `${prefix}${String(index + 1).padStart(width, '0')}`;
}

/** The digits an id needs for `count` items, and at least `least`, so the ids of one file all have one width. */
export function idWidth(count: number, least: number): number {
  return Math.max(least, String(count).length);
}
