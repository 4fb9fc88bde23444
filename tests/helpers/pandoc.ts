import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * pandoc, for checking that a citation file reads as intended outside citation-js. `.ci/run`
 * installs it; outside CI a machine without it skips those tests with a warning, under CI it
 * is a failure.
 */
export const pandocInstalled = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/** True when the pandoc tests must be skipped: no pandoc, and not in CI (where that fails). */
export const skipPandocTests = !pandocInstalled && !inCi;
if (skipPandocTests) {
  console.warn('\n!!! PANDOC TESTS SKIPPED: no pandoc on the PATH. Install it: apt-get install pandoc\n');
}

/** The APA 7 CSL style citation-js formats with, as XML text, so pandoc can format with the same style. */
export const apaCsl = String((createRequire(import.meta.url)('@citation-js/plugin-csl/lib/styles.json') as { apa: string }).apa);

/** The reference list pandoc --citeproc makes of every entry of a bibliography file, as plain text on one line per entry. */
export function pandocReferences(bibliography: string, csl?: string): string {
  const args = [
    '--citeproc',
    '--bibliography',
    bibliography,
    '--to',
    'plain',
    '--wrap',
    'none',
    ...(csl === undefined ? [] : ['--csl', csl]),
  ];
  const run = spawnSync('pandoc', args, { input: '---\nnocite: "@*"\n---\n', encoding: 'utf8' });
  if (run.error) throw new Error(`could not run pandoc: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`pandoc failed: ${run.stderr}`);
  return run.stdout.trim();
}
