// The study sizes the benchmark builds, and how each one's data folder is obtained.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeStudy } from '../generate-study.ts';

export const CASE_NAMES = ['default', '10k', '100k', '1M', '10M'] as const;
export type CaseName = (typeof CASE_NAMES)[number];

/** A generated case's size; `default` has none because it uses the committed data as is. */
const GENERATED_SIZES: Readonly<Record<Exclude<CaseName, 'default'>, { tweets: number; participants: number }>> = {
  '10k': { tweets: 10_000, participants: 100 },
  '100k': { tweets: 100_000, participants: 1_000 },
  '1M': { tweets: 1_000_000, participants: 5_000 },
  // Not in the default run: generating it takes about a minute and 1.4 GB of disk (--cases 1M,10M).
  '10M': { tweets: 10_000_000, participants: 20_000 },
};

export interface PreparedCase {
  readonly name: CaseName;
  /** Tweets: the unit the cases are sized by. */
  readonly units: number;
  readonly participants: number;
  readonly dataDir: string;
}

/** Data rows of a CSV file, header excluded. Parsed properly because texts may hold quoted newlines. */
function csvRows(path: string): number {
  const records: unknown[] = parse(readFileSync(path, 'utf8'), { skip_empty_lines: true });
  return Math.max(0, records.length - 1);
}

/**
 * The data folder for a case. `default` is the committed data/ folder, counted rather
 * than assumed so the table stays true if the data change; the others are generated
 * into tempRoot (the caller deletes it).
 */
export function prepareCase(name: CaseName, repoRoot: string, tempRoot: string): PreparedCase {
  if (name === 'default') {
    const dataDir = join(repoRoot, 'data');
    return { name, units: csvRows(join(dataDir, 'tweets.csv')), participants: csvRows(join(dataDir, 'participants.csv')), dataDir };
  }
  const size = GENERATED_SIZES[name];
  const dataDir = join(tempRoot, `study-${name}`);
  writeStudy(dataDir, size);
  return { name, units: size.tweets, participants: size.participants, dataDir };
}
