import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for the default study's site, built once per run by the first test file that needs it. */
    sharedDefaultSite: string;
  }
}

/**
 * The default study builds the same site for every test file that reads it, so one run
 * builds it once (tests/helpers/builtSite.ts) and each file reads its own copy. Only the
 * folder is made here: a run of unit tests alone builds nothing.
 */
export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'qualpress-shared-'));
  project.provide('sharedDefaultSite', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
