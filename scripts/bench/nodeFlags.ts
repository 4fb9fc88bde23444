import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node options `npm run build` starts the build CLI with in the checkout at root (its
 * package.json's "build" script, e.g. `node --max-semi-space-size=8 src/cli/build.ts`), so
 * that the bench times and weighs the build users run, and a baseline checkout with its own.
 */
export function buildNodeFlags(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = (manifest.scripts?.build ?? '').trim().split(/\s+/);
  const flags: string[] = [];
  for (const word of words.slice(words.indexOf('node') + 1)) {
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}
