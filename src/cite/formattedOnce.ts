/**
 * Citations formatted once per process, whoever asks: citeproc takes milliseconds per entry
 * and the same work is cited on many pages, by the checks before Astro starts and by Astro's
 * bundled copy of this code. Kept on globalThis, like the chart cache, so both copies share
 * it. A value is
 * a function of its kind and input alone (citation-js formats the same item the same way),
 * so a remembered one is the one formatting again would give.
 */
interface Store {
  readonly entries: Map<string, unknown>;
  /** Keys asked for by this process (found or formatted): what a build keeps for the next one. */
  readonly used: Set<string>;
}

const handle = Symbol.for('qualpress.formattedCitations');
/** `astro dev` lives long and sees many versions of a report: past this many, start again. */
const maxEntries = 20_000;

function store(): Store {
  const global = globalThis as Record<symbol, Store | undefined>;
  return (global[handle] ??= { entries: new Map(), used: new Set() });
}

function remember({ entries, used }: Store, key: string, value: unknown): void {
  if (entries.size >= maxEntries) {
    entries.clear();
    used.clear();
  }
  entries.set(key, value);
}

/**
 * `format()`'s value for this kind of formatting and its input, formatted at most once.
 * A format that throws is not remembered: the checks that catch it run it again for each part.
 */
export function formattedOnce<T>(kind: string, input: unknown, format: () => T): T {
  const key = `${kind}\n${JSON.stringify(input)}`;
  const remembered = store();
  remembered.used.add(key);
  if (remembered.entries.has(key)) return remembered.entries.get(key) as T;
  const value = format();
  remember(remembered, key, value);
  return value;
}

/**
 * What an earlier build formatted (build/citationCache.ts), known before anything asks. Only
 * JSON values: every format here is text or an object of texts, which JSON keeps as they are.
 */
export function seedFormatted(entries: Iterable<readonly [string, unknown]>): void {
  const remembered = store();
  for (const [key, value] of entries) remember(remembered, key, value);
}

/** Every format this process asked for, with its value: what the next build can start from. */
export function usedFormatted(): [string, unknown][] {
  const { entries, used } = store();
  return [...used].filter((key) => entries.has(key)).map((key) => [key, entries.get(key)]);
}
