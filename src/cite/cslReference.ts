import type { CslName } from './cslItem.ts';

/**
 * A publication a report is based on, read from the loose CSL-JSON item of `based_on` in
 * study.yaml. Only the variables other formats need are read; anything of the wrong shape
 * is left out rather than guessed at. Strings are as written in study.yaml.
 */
export interface CslReference {
  /** The CSL item type, e.g. `article-journal`. */
  type: string;
  title: string;
  authors: CslName[];
  containerTitle?: string;
  volume?: string;
  issue?: string;
  /** A page or page range, e.g. `306-325`. */
  page?: string;
  /** The first date of `issued`, as far as it is given. */
  issued?: { year: number; month?: number; day?: number };
  /** The bare DOI (`10.…/…`), without any resolver prefix. */
  doi?: string;
  url?: string;
  publisher?: string;
}

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

function names(value: unknown): CslName[] {
  if (!Array.isArray(value)) return [];
  const result: CslName[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const literal = text(record.literal);
    if (literal !== undefined) {
      result.push({ literal });
      continue;
    }
    // CSL keeps particles ("van", "de") apart; a family name is written with its particle here.
    const particle = text(record['non-dropping-particle']);
    const family = text(record.family);
    const given = text(record.given);
    const fullFamily = family === undefined ? undefined : particle === undefined ? family : `${particle} ${family}`;
    if (fullFamily !== undefined) result.push(given === undefined ? { family: fullFamily } : { family: fullFamily, given });
    else if (given !== undefined) result.push({ literal: given });
  }
  return result;
}

const validPart = (value: unknown, min: number, max: number): number | undefined => {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
};

function issued(value: unknown): CslReference['issued'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const parts = record['date-parts'];
  const first: unknown = Array.isArray(parts) ? parts[0] : undefined;
  if (Array.isArray(first)) {
    const year = validPart(first[0], 1, 9999);
    if (year === undefined) return undefined;
    const month = validPart(first[1], 1, 12);
    const day = month === undefined ? undefined : validPart(first[2], 1, 31);
    return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
  }
  // `{ raw: "2016-03" }` or `{ literal: "Spring 2016" }`: only a four-digit year is trusted.
  const loose = text(record.raw) ?? text(record.literal);
  const year = loose === undefined ? undefined : /\b(\d{4})\b/.exec(loose)?.[1];
  return year === undefined ? undefined : { year: Number(year) };
}

/** A DOI without `https://doi.org/` or `doi:` in front, or `undefined` when it is no DOI. */
export function bareDoi(value: unknown): string | undefined {
  const doi = text(value)?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return doi !== undefined && /^10\.\d{4,9}(?:\.\d+)?\/\S+$/.test(doi) ? doi : undefined;
}

/** An http(s) URL as given, or `undefined`. */
function webUrl(value: unknown): string | undefined {
  const url = text(value);
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The typed reading of one `based_on` CSL-JSON item (whose `type` and `title` are validated). */
export function cslReference(item: Readonly<Record<string, unknown>>): CslReference {
  const reference: CslReference = {
    type: text(item.type) ?? 'document',
    title: text(item.title) ?? '',
    authors: names(item.author),
  };
  const optional = {
    containerTitle: text(item['container-title']),
    volume: text(item.volume),
    issue: text(item.issue),
    page: text(item.page),
    issued: issued(item.issued),
    doi: bareDoi(item.DOI),
    url: webUrl(item.URL),
    publisher: text(item.publisher),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(reference, { [key]: value });
  }
  return reference;
}
