// Times `npm run import` of a large NVivo-style project, cold, as a child process.
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigProject } from '../../tests/helpers/refiFixtures.ts';

/** What one import of the big project took. */
export interface ImportResult {
  readonly codings: number;
  /** The .qdpx as written (its XML and texts unpack to about 10 MB). */
  readonly zipMB: number;
  /** Spawn to exit, as the user waits for it: includes Node's startup and module loading. */
  readonly wallS: number;
}

const codings = 50_000;

/**
 * Generate the benchmark project (`bigProject` of tests/helpers/refiFixtures.ts: 50,000
 * codings by two coders, NVivo's UTF-16 offsets) into tempRoot and import it into a fresh
 * folder there. Throws when the import fails: the time of a failed import means nothing.
 */
export function measureImport(repoRoot: string, tempRoot: string): ImportResult {
  const project = join(tempRoot, 'big.qdpx');
  writeFileSync(project, bigProject({ codings }));
  const args = [join(repoRoot, 'src/cli/import.ts'), project, '--out', join(tempRoot, 'imported')];
  const started = performance.now();
  // process.execPath: the Node running the bench (24, with type stripping), not whatever `node` is on PATH.
  const child = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (child.error || child.status !== 0)
    throw new Error(`import of the big project failed: ${child.error?.message ?? child.stderr.trim()}`);
  return { codings, zipMB: Number((statSync(project).size / 1024 ** 2).toFixed(1)), wallS: Number((wallMs / 1000).toFixed(3)) };
}
