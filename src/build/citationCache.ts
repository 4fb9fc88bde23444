import { cacheKey, readEntry, writeEntry } from '../charts/export/chartCache.ts';
import { packageVersion, projectVersion, sourceHash } from '../charts/export/chartCacheStamp.ts';
import { seedFormatted, usedFormatted } from '../cite/formattedOnce.ts';

/**
 * Citations formatted by the last build, kept in the build cache beside the charts
 * (docs/performance.md, "The citation cache"). citeproc builds its APA engine anew in every
 * process (about 0.3 s) and formats each work once more (about 0.3 s for the default
 * report); a rebuild whose works are those of the last build needs neither.
 *
 * The whole set is one entry of the chart cache's store (same format, written atomically,
 * evicted by the same bound), keyed on the stamp: the versions of citation-js, its plug-ins
 * and citeproc, of qualpress, and a hash of `src/cite/`. Within it, every value is keyed on
 * its kind and the JSON of its input (src/cite/formattedOnce.ts), so a work that changed is
 * formatted again and a remembered value is the one formatting would give.
 */

/** The packages a formatted citation depends on. */
export const citationPackages = [
  '@citation-js/core',
  '@citation-js/plugin-csl',
  '@citation-js/plugin-bibtex',
  '@citation-js/plugin-ris',
  'citeproc',
] as const;

export function citationCacheStamp(root: string): string {
  return [
    'qualpress-citation-cache 1',
    `qualpress ${projectVersion(root)}`,
    ...citationPackages.map((name) => `${name} ${packageVersion(name, root)}`),
    `sources ${sourceHash(root, ['src/cite'])}`,
  ].join('\n');
}

const entryKey = (stamp: string) => cacheKey(stamp, 'citations', null);

/**
 * Give this process the citations the last build formatted, when they were formatted by the
 * same code. A missing, damaged or unreadable entry is no entry: everything is formatted.
 * Returns how many were given.
 */
export function loadCitationCache(dir: string, stamp: string): number {
  const content = readEntry(dir, entryKey(stamp));
  if (!content) return 0;
  let entries: unknown;
  try {
    entries = JSON.parse(content.toString('utf8'));
  } catch {
    return 0;
  }
  if (!Array.isArray(entries)) return 0;
  const pairs = entries.filter(
    (entry): entry is [string, unknown] => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string',
  );
  seedFormatted(pairs);
  return pairs.length;
}

/** Keep what this build used, and only that: a work no longer cited leaves the cache with it. */
export function saveCitationCache(dir: string, stamp: string): void {
  writeEntry(dir, entryKey(stamp), Buffer.from(JSON.stringify(usedFormatted())));
}
