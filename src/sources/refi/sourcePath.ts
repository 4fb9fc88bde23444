import { group } from 'd3-array';

/** Where a source's `plainTextPath` leads in the zip. */
export type SourceLookup =
  | { readonly entry: string }
  /** Not in the zip; `shown` is where it was looked for, for the warning (`sources/x.txt`). */
  | { readonly missing: string }
  /** Not found by its path, and its file name is in several folders. */
  | { readonly ambiguous: readonly string[] };

/**
 * The files of a `.qdpx`'s sources folder (`sources/`, or `Sources/` as ATLAS.ti writes it),
 * found by a `plainTextPath`: `internal://name.txt`, `relative://some/dir/name.txt` (relative
 * to the researcher's own disk, so looked up by its path in the folder and then by its file
 * name), or a bare file name.
 */
export function sourcePaths(entries: readonly string[]): (plainTextPath: string) => SourceLookup {
  const inFolder = entries.filter((entry) => /^sources\//i.test(entry));
  const folder = inFolder[0]?.slice(0, 'sources'.length) ?? 'sources';
  const byPath = new Map(inFolder.map((entry) => [entry.slice('sources/'.length), entry] as const));
  const byName = group(inFolder, (entry) => fileName(entry));

  return (plainTextPath) => {
    const path = plainTextPath.replace(/^(internal|relative):\/\//i, '').replaceAll('\\', '/');
    for (const candidate of [path, decodedPath(path)]) {
      const entry = byPath.get(candidate.replace(/^\.?\//, ''));
      if (entry) return { entry };
    }
    const sameName = byName.get(fileName(path)) ?? byName.get(fileName(decodedPath(path))) ?? [];
    if (sameName.length === 1 && sameName[0]) return { entry: sameName[0] };
    if (sameName.length > 1) return { ambiguous: sameName };
    return { missing: `${folder}/${path.replace(/^\.?\//, '')}` };
  };
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Some tools percent-encode the names they write in paths (`my%20file.txt`). */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
