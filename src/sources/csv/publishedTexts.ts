import type { PublishedText } from '../../model/study.ts';

/**
 * The texts a CSV study would publish, in reading order: single texts (an attribute value, an
 * exclusion reason), or a dataset's units' own texts, given one by one when the privacy
 * checks read them, so that a million texts are not recorded twice.
 */
export type PublishedTexts = (PublishedText | Iterable<PublishedText>)[];

/** Every text, in order. */
export function* allTexts(texts: PublishedTexts): Generator<PublishedText> {
  for (const entry of texts) {
    if (Symbol.iterator in entry) yield* entry;
    else yield entry;
  }
}
