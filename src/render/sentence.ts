import { capitalise, formatCount } from '../format/format.ts';

/**
 * Text from the study (a code or dimension label, a noun, a name, an attribute value, an
 * excerpt) inside a sentence qualpress writes. It is shown isolated, so that a label in
 * Arabic or Hebrew, or one holding a direction override, cannot reorder the words around it.
 */
export interface DataText {
  readonly data: string;
}

/** A sentence qualpress writes: its own words (strings) and the data text placed in them. */
export type Sentence = readonly (string | DataText)[];

/** Marks text from the study for a sentence: `words\`${data(code.label)} ranks first\``. */
export function data(text: string): DataText {
  return { data: text };
}

const isDataText = (value: DataText | Sentence): value is DataText => 'data' in value;

/**
 * A sentence from a template: strings and numbers interpolated are qualpress's words,
 * `data(...)` parts and nested sentences keep their data text marked.
 */
export function words(strings: TemplateStringsArray, ...values: readonly (string | number | DataText | Sentence)[]): Sentence {
  const parts: (string | DataText)[] = [];
  strings.forEach((text, index) => {
    parts.push(text);
    if (index >= values.length) return;
    const value = values[index]!;
    if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
    else if (isDataText(value)) parts.push(value);
    else parts.push(...value);
  });
  return compact(parts);
}

/** Sentences (or parts of one) joined by a separator of qualpress's words. */
export function joinSentences(sentences: readonly Sentence[], separator = ' '): Sentence {
  return compact(sentences.flatMap((sentence, index) => (index === 0 ? [...sentence] : [separator, ...sentence])));
}

/** Adjacent words merged, empty ones dropped: one text node per run of qualpress's words. */
function compact(parts: readonly (string | DataText)[]): Sentence {
  const out: (string | DataText)[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (typeof part === 'string') {
      if (part === '') continue;
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else out.push(part);
  }
  return out;
}

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: Unicode's <bdi> for plain text. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Text between FSI and PDI, for data text inside a sentence where no markup can go. */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/**
 * The sentence as plain text with its data text isolated (FSI ... PDI), for text a reader
 * sees where no markup can go: alt text, a meta description, an SVG title, an aria-label.
 */
export function isolatedText(sentence: Sentence): string {
  return sentence.map((part) => (typeof part === 'string' ? part : isolate(part.data))).join('');
}

/** The sentence as plain text, data text as written: for places machines read (JSON-LD, tests). */
export function plainText(sentence: Sentence): string {
  return sentence.map((part) => (typeof part === 'string' ? part : part.data)).join('');
}

/** "1,200 posts": the count in qualpress's words, the noun (from study.yaml) as data text. */
export function countWords(n: number, noun: readonly [singular: string, plural: string], language = 'en'): Sentence {
  return [`${formatCount(n, language)} `, data(n === 1 ? noun[0] : noun[1])];
}

/** The sentence with its first letter capitalised, in whichever part it is. */
export function capitaliseSentence(sentence: Sentence): Sentence {
  const [first, ...rest] = sentence;
  if (first === undefined) return sentence;
  return [typeof first === 'string' ? capitalise(first) : data(capitalise(first.data)), ...rest];
}
