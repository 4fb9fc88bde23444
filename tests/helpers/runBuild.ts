import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The Node 24 that npm scripts use, so a test run from any shell builds the way a user does. */
const node = join(repoRoot, 'node_modules', '.bin', 'node');

export interface BuildRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `npm run build` (the build CLI) as a user would, with its own arguments and any extra environment. */
export function runBuild(args: readonly string[], env: NodeJS.ProcessEnv = {}): BuildRun {
  const result = spawnSync(node, [join(repoRoot, 'src', 'cli', 'build.ts'), '--quiet', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...withoutStudyOverrides({ ...process.env, NO_COLOR: '1' }), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI honours QUALPRESS_DATA and QUALPRESS_CONTENT; a test names its study explicitly. */
function withoutStudyOverrides(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { QUALPRESS_DATA: _data, QUALPRESS_CONTENT: _content, ...rest } = env;
  return rest;
}
