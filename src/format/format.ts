/**
 * Number and date formatting for everything a reader sees, in the report's language, so
 * that "1,250" and "38%" are written the same way on every page.
 */
export function formatCount(n: number, language = 'en'): string {
  return new Intl.NumberFormat(language).format(n);
}

export function formatShare(share: number, language = 'en'): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0 }).format(share);
}

/**
 * An agreement coefficient (alpha, kappa) with three decimals, as Krippendorff reports alpha,
 * so that a value is never rounded across a threshold such as 0.800: "0.812", "-0.045".
 */
export function formatCoefficient(value: number, language = 'en'): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
}

/** "1 post", "1,250 posts". */
export function countOf(n: number, noun: readonly [singular: string, plural: string], language = 'en'): string {
  return `${formatCount(n, language)} ${n === 1 ? noun[0] : noun[1]}`;
}

/** A calendar day (YYYY-MM-DD) as "7 April 2014", read in UTC so it never shifts a day. */
export function formatDay(day: string, language = 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** "a post", "an interview note": the indefinite article by the noun's first letter. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "posts" -> "Posts", for column headers, axis labels and the start of a sentence. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
