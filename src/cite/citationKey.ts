import type { CitableWork } from './citableWork.ts';
import { parseWorkDate } from './workDate.ts';

// Letters that Unicode does not decompose into an ASCII base letter plus marks.
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};
const IGNORED_LEADING_WORDS = new Set(['the', 'a', 'an']);

/** ASCII letters and digits only: accents dropped, other characters become spaces. */
function asciiWords(text: string): string[] {
  return text
    .replace(/[ßæÆœŒøØłŁđĐðÐþÞı]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * A stable citation key for the work: the first author's family name (for an organisation,
 * the first significant word of its name), the year, and the work's slug, e.g.
 * `smith2024_mood_by_region`. Only `[a-z0-9_]`, so it is a valid BibTeX label and RIS id, and
 * it is used unchanged by citation-js (which replaces labels containing other punctuation).
 */
export function citationKey(work: Pick<CitableWork, 'authors' | 'date' | 'id'>): string {
  const first = work.authors[0];
  const nameWords = first === undefined ? [] : asciiWords(first.family ?? first.literal ?? first.given ?? '');
  const name =
    (first?.family === undefined ? nameWords.find((word) => !IGNORED_LEADING_WORDS.has(word.toLowerCase())) : nameWords.join('')) ?? 'anon';
  const slug = asciiWords(work.id).join('_').toLowerCase();
  const { year } = parseWorkDate(work.date);
  return `${name.toLowerCase()}${year}${slug === '' ? '' : `_${slug}`}`;
}
