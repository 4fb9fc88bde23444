import type { PublishedText } from '../model/study.ts';
import type { Problem } from '../problems/problem.ts';

/**
 * Privacy checks on every text the site publishes from the study package: a dataset's
 * publishable text column, exclusion reasons, participant ids and attributes, and codebook
 * examples. They refuse handles, e-mail addresses, URLs and the real names a researcher lists
 * in `private/names.txt`. The detectors are pure functions; the names list is read by the
 * source and only matched here: it never reaches the report or dist/.
 */

export type FindingKind = 'handle' | 'email' | 'url' | 'name';

export interface Finding {
  readonly kind: FindingKind;
  /** 0-based offset of the match in the text. */
  readonly index: number;
  readonly length: number;
  /** For names: the line of the matching entry in the names list. The name itself is never kept. */
  readonly entryLine?: number;
}

/** The real names a researcher listed, compiled into one matcher. */
export interface PrivateNames {
  /** The list as the user sees it (`data/private/names.txt`), for messages. */
  readonly file: string;
  readonly count: number;
  /** Whole-word, case-insensitive; absent when the list is empty. */
  readonly pattern?: RegExp;
  /** Lower-cased, space-normalised name -> its line in the list. */
  readonly lines: ReadonlyMap<string, number>;
  /** For a match whose lower-case form differs from the entry's (rare Unicode case folds). */
  readonly entries: readonly { readonly line: number; readonly pattern: RegExp }[];
  /**
   * The first word of every name, lower-cased: a text with none of them is passed over
   * without running the whole list's pattern, which keeps a million texts fast.
   */
  readonly firstWords: ReadonlySet<string>;
}

// Letters and digits of any script: "word characters" for whole-word matching.
const wordChar = String.raw`[\p{L}\p{N}_]`;

/**
 * @name, as on Twitter, Instagram or Mastodon. Not an e-mail address (the @ follows a
 * letter there), not "@ 8pm" (a space follows), not "@8pm" or "@10:30" (a time).
 */
const handlePattern = new RegExp(String.raw`(?<![\p{L}\p{N}_@\/+\-])@(${wordChar}(?:[\p{L}\p{N}_.]*${wordChar})?)`, 'gu');
const timeLike = /^\d{1,2}(?:[ap]\.?m\.?|h|hrs?)?$/i;

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** http(s):// and ftp:// addresses, and www. ones written without a scheme. */
const schemePattern = /\b(?:https?|ftp):\/\/[^\s<>"'`]+/giu;
const wwwPattern = /(?<![\p{L}\p{N}_@./-])www\.[\p{L}\p{N}-]+[^\s<>"'`]*/giu;
/**
 * Bare domains: `example.org/path` with any lower-case top-level domain, or a bare
 * `bit.ly` with a common one. A lower-case TLD of two letters or more keeps "e.g.", "3.5",
 * "a.m." and a sentence run on without a space ("in.The") out.
 */
const label = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const bareStart = String.raw`(?<![\p{L}\p{N}_@.\/\-])`;
const barePathPattern = new RegExp(String.raw`${bareStart}(?:${label}\.)+[a-z]{2,24}\/[^\s<>"'\x60]*`, 'gu');
const bareDomainPattern = new RegExp(String.raw`${bareStart}(?:${label}\.)+([a-z]{2,24})(?![\p{L}\p{N}_\-]|\.[\p{L}\p{N}])`, 'gu');
/** Top-level domains common enough to mark a bare domain; others, like "us" or "it", are English words too. */
const commonTlds = new Set('com org net edu gov mil int info biz io ly co uk ca au nz ie tv gl gd eu app dev'.split(' '));
/** Second levels under a country's domain: "k12.ca.us", "school.co.uk", "uni.edu.au". */
const secondLevels = new Set('ac co com edu gov k12 net org sch'.split(' '));

/** A bare domain: a common top-level domain, or a country's under a known or two-letter second level ("k12.ca.us"). */
function isBareDomain(match: RegExpExecArray): boolean {
  const tld = match[1]!;
  if (commonTlds.has(tld)) return true;
  const labels = match[0].split('.');
  const second = labels.at(-2)!.toLowerCase();
  return tld.length === 2 && labels.length >= 3 && (secondLevels.has(second) || /^[a-z]{2}$/.test(second));
}

/** Every URL pattern above needs a dot before a letter or digit ("www.", "x.org", "https://x.y"). */
const mayHoldUrl = /\.[\p{L}\p{N}]/u;

/** Punctuation that ends a sentence rather than a URL. */
const trailing = /[.,;:!?)\]}'"»”’]+$/u;

function matches(text: string, pattern: RegExp, kind: FindingKind, accept: (match: RegExpExecArray) => boolean = () => true): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(pattern)) {
    if (!accept(match)) continue;
    found.push({ kind, index: match.index, length: match[0].length });
  }
  return found;
}

export function findHandles(text: string): Finding[] {
  // Cheap guards first: a million-row dataset is mostly text with nothing to find.
  if (!text.includes('@')) return [];
  return matches(text, handlePattern, 'handle', (match) => /[\p{L}_]/u.test(match[1]!) && !timeLike.test(match[1]!));
}

export function findEmails(text: string): Finding[] {
  if (!text.includes('@')) return [];
  return matches(text, emailPattern, 'email').map((finding) => {
    // "...end.name@x.org": a leading dot belongs to the sentence, not the address.
    const lead = /^\.+/.exec(text.slice(finding.index, finding.index + finding.length))?.[0].length ?? 0;
    return { ...finding, index: finding.index + lead, length: finding.length - lead };
  });
}

export function findUrls(text: string): Finding[] {
  if (!mayHoldUrl.test(text)) return [];
  const found = [
    ...[schemePattern, wwwPattern, barePathPattern].flatMap((pattern) => matches(text, pattern, 'url')),
    ...matches(text, bareDomainPattern, 'url', isBareDomain),
  ];
  return withoutOverlaps(
    found.map((finding) => {
      const written = text.slice(finding.index, finding.index + finding.length);
      return { ...finding, length: written.replace(trailing, '').length || finding.length };
    }),
  );
}

export function findNames(text: string, names: PrivateNames | undefined): Finding[] {
  if (!names?.pattern) return [];
  // Most texts are plain ASCII, which NFC leaves as it is.
  const normalised = /\P{ASCII}/u.test(text) ? text.normalize('NFC') : text;
  if (!names.firstWords.has('') && !hasAnyWord(normalised, names.firstWords)) return [];
  return [...normalised.matchAll(names.pattern)].map((match) => ({
    kind: 'name' as const,
    index: match.index,
    length: match[0].length,
    entryLine: names.lines.get(nameKey(match[0])) ?? names.entries.find((entry) => entry.pattern.test(match[0]))?.line,
  }));
}

/** Every handle, e-mail address, URL and listed name in a text, in order; an e-mail's domain is not a second finding. */
export function findPrivateText(
  text: string,
  names?: PrivateNames,
  kinds: readonly FindingKind[] = ['handle', 'email', 'url', 'name'],
): Finding[] {
  const all = [
    ...(kinds.includes('email') ? findEmails(text) : []),
    ...(kinds.includes('url') ? findUrls(text) : []),
    ...(kinds.includes('handle') ? findHandles(text) : []),
    ...(kinds.includes('name') ? findNames(text, names) : []),
  ];
  return withoutOverlaps(all);
}

/** Keep the earliest, then longest, of findings that overlap: a URL holding a handle is one finding. */
function withoutOverlaps(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: Finding[] = [];
  let end = -1;
  for (const finding of sorted) {
    if (finding.index < end) continue;
    kept.push(finding);
    end = finding.index + finding.length;
  }
  return kept;
}

/** "@j***", "j***@e***.org", "https://e***": enough to find it, not enough to publish it in a log. */
export function masked(finding: Finding, text: string): string {
  const written = text.slice(finding.index, finding.index + finding.length);
  switch (finding.kind) {
    case 'handle':
      return `@${[...written.slice(1)][0] ?? ''}***`;
    case 'email': {
      const [local = '', domain = ''] = written.split('@');
      const tld = domain.slice(domain.lastIndexOf('.'));
      return `${[...local][0] ?? ''}***@${[...domain][0] ?? ''}***${tld}`;
    }
    case 'url': {
      const prefix = /^(?:(?:https?|ftp):\/\/(?:www\.)?|www\.)/i.exec(written)?.[0] ?? '';
      return `${prefix}${[...written.slice(prefix.length)][0] ?? ''}***`;
    }
    case 'name':
      return 'a name';
  }
}

const what: Readonly<Record<FindingKind, string>> = { handle: 'a handle', email: 'an e-mail address', url: 'a URL', name: 'a name' };

/** "a handle "@j***" at character 15", or for a name "a name listed in data/private/names.txt (entry on line 3), at character 15". */
export function describeFinding(finding: Finding, text: string, names: PrivateNames | undefined): string {
  const at = `at character ${[...text.slice(0, finding.index)].length + 1}`;
  if (finding.kind === 'name') {
    const entry = finding.entryLine === undefined ? '' : ` (entry on line ${finding.entryLine})`;
    return `a name listed in ${names?.file ?? 'private/names.txt'}${entry}, ${at}`;
  }
  return `${what[finding.kind]} "${masked(finding, text)}" ${at}`;
}

export interface TextLocation {
  readonly file: string;
  readonly line?: number | undefined;
  readonly field: string;
}

/**
 * One problem per handle, e-mail address, URL or listed name in a published text. `expected`
 * says what the text is ("published text (text.publish: paraphrased)"). Listed names are
 * never echoed; handles, addresses and URLs only masked.
 */
export function checkPublishedText(
  text: string,
  where: TextLocation,
  expected: string,
  names: PrivateNames | undefined,
  problems: Problem[],
  kinds?: readonly FindingKind[],
): void {
  if (text === '') return;
  for (const finding of findPrivateText(text, names, kinds)) {
    problems.push({
      ...(where.line === undefined ? { file: where.file, field: where.field } : { file: where.file, line: where.line, field: where.field }),
      message: `expected ${expected} without handles, e-mail addresses, URLs or real names; found ${describeFinding(finding, text, names)}`,
    });
  }
}

/** Lower-cased, with runs of white space as one space: how names are compared. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const wordPattern = /[\p{L}\p{N}_]+/gu;

/** A word, as the first words of names are kept: lower case, one form of sigma. */
function wordKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('ς') ? lower.replace(/ς/g, 'σ') : lower;
}

function hasAnyWord(text: string, words: ReadonlySet<string>): boolean {
  const lower = wordKey(text);
  wordPattern.lastIndex = 0;
  for (let match = wordPattern.exec(lower); match !== null; match = wordPattern.exec(lower)) if (words.has(match[0])) return true;
  return false;
}

function namePattern(names: readonly string[], flags: string): RegExp {
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/gu, String.raw`\s+`));
  return new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${escaped.join('|')})(?![\p{L}\p{N}_])`, flags);
}

/**
 * Read a names list: one real name a line; `#` starts a comment; blank lines are ignored.
 * A name matches as whole words, in any case ("Jane Doe" matches "jane  doe", not "Janet").
 */
export function parsePrivateNames(text: string, file: string): PrivateNames {
  const lines = new Map<string, number>();
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const name = line.replace(/#.*$/, '').trim();
    if (name === '') return;
    const key = nameKey(name);
    if (!lines.has(key)) lines.set(key, index + 1);
  });
  // Longest first, so "Jane Doe" is found whole rather than as "Jane".
  const names = [...lines.keys()].sort((a, b) => b.length - a.length);
  // A name starting with no letter or digit (rare) is always looked for: "" is a first word then.
  const firstWords = new Set(names.map((name) => wordKey(name.match(/^[\p{L}\p{N}_]+/u)?.[0] ?? '')));
  return {
    file,
    count: names.length,
    lines,
    firstWords,
    ...(names.length === 0 ? {} : { pattern: namePattern(names, 'giu') }),
    entries: names.map((name) => ({ line: lines.get(name)!, pattern: namePattern([name], 'iu') })),
  };
}

/**
 * One problem per handle, e-mail address, URL or listed name in any text the site would
 * publish, wherever the source read it. Works on the model's texts, so every source gets
 * the same checks.
 */
export function checkPublishedTexts(texts: Iterable<PublishedText>, names: PrivateNames | undefined, problems: Problem[]): void {
  for (const { text, origin, what, names: withNames } of texts) {
    checkPublishedText(text, origin, what, names, problems, withNames ? undefined : ['handle', 'email', 'url']);
  }
}
