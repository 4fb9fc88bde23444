/**
 * Whether citation-js can format what a user wrote. Works cited in chapters (references.bib)
 * and the publications of `based_on` (study.yaml) are formatted while pages render; the
 * loaders run the same formatting first, so that a work citation-js cannot format is a
 * problem with its file and line, never a failed render.
 */

/** Why `format` fails, or `undefined` when it succeeds. */
export function formattingError(format: () => unknown): string | undefined {
  try {
    format();
    return undefined;
  } catch (error) {
    // citeproc-js throws some of its data errors without a message (it logs them instead).
    const message = error instanceof Error ? error.message : String(error);
    return message && message !== 'undefined' ? message.split('\n')[0]! : 'citation-js could not format it';
  }
}

/**
 * The variables of a CSL-JSON item that citation-js cannot format: each is tried alone with
 * the item's `keep` variables (its id, type and title). Empty when only a combination fails.
 */
export function variablesAtFault(
  item: Readonly<Record<string, unknown>>,
  format: (item: Readonly<Record<string, unknown>>) => unknown,
  keep: readonly string[] = ['id', 'type', 'title'],
): string[] {
  const kept = Object.fromEntries(Object.entries(item).filter(([key]) => keep.includes(key)));
  return Object.keys(item).filter(
    (key) => !keep.includes(key) && formattingError(() => format({ ...kept, [key]: item[key] })) !== undefined,
  );
}
