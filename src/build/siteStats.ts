import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SiteStats {
  readonly pages: number;
  readonly files: number;
  readonly bytes: number;
}

/** Pages, files and bytes of a built site, for the build summary and the benchmark. */
export function siteStats(dir: string): SiteStats {
  let pages = 0;
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files++;
    bytes += statSync(path).size;
    if (entry.name.endsWith('.html') && !readFileSync(path, 'utf8').includes('http-equiv="refresh"')) pages++;
  }
  return { pages, files, bytes };
}
