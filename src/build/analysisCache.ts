import { resolve } from 'node:path';
import { cacheKey, readEntry, writeEntry } from '../charts/export/chartCache.ts';
import { projectVersion, sourceHash } from '../charts/export/chartCacheStamp.ts';
import type { Report } from '../model/report.ts';

/**
 * Studies analysed by earlier builds, kept in the build cache (docs/performance.md, "The
 * analysis cache"). A rebuild whose study package is byte for byte one already analysed, by the
 * same code and for the same charts, takes that analysis instead of reading, checking and
 * analysing every row again: a chapter edit then costs no data stage (about 0.8 s for the
 * default report, 6 s for a million units).
 *
 * Only a package that passed every check is ever analysed, so a kept analysis is one of a
 * package with no problems; the outline (study.yaml, the codebook, the participants'
 * attributes) is still read and the chart definitions checked against it on every build.
 */
export interface AnalysisCache {
  /** The analysis of this package for these measure requests, when an earlier build made it. */
  find(requests: unknown): Report | undefined;
  /** Keep an analysis of this package for the builds after this one. */
  keep(requests: unknown, report: Report): void;
}

/**
 * What every key covers besides the package's bytes: qualpress's version, all of its code
 * (`src/`) and the installed packages' lock, so any change to how a study is read or analysed
 * starts from nothing.
 */
export function analysisCacheStamp(root: string): string {
  return [
    'qualpress-analysis-cache 1',
    `qualpress ${projectVersion(root)}`,
    `sources ${sourceHash(root, ['src', 'package-lock.json'])}`,
  ].join('\n');
}

/**
 * The cache for one study package: the hash of its every file (`packageHash`, private/
 * included, which the privacy checks read), with the folder and the working directory the
 * build names them from (problem lines and excluded rows name files relative to it).
 */
export function analysisCache(dir: string, stamp: string, study: { packageHash: string; dataDir: string; cwd: string }): AnalysisCache {
  const data = { package: study.packageHash, dataDir: study.dataDir, cwd: resolve(study.cwd) };
  const keyOf = (requests: unknown) => cacheKey(stamp, 'analysis', { data, requests });
  return {
    find(requests) {
      const content = readEntry(dir, keyOf(requests));
      if (!content) return undefined;
      try {
        return JSON.parse(content.toString('utf8')) as Report;
      } catch {
        return undefined;
      }
    },
    keep(requests, report) {
      writeEntry(dir, keyOf(requests), Buffer.from(JSON.stringify(report)));
    },
  };
}
