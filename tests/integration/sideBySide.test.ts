import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeRenderLock } from '../../src/build/renderLock.ts';
import { copyHostileSite, hostileFixture } from '../helpers/builtSite.ts';
import { repoRoot, type BuildRun } from '../helpers/runBuild.ts';
import { expectSameSite } from '../helpers/sameSite.ts';

// Two studies built at the same moment from one checkout, as a researcher with two terminals
// does (docs/performance.md, "Builds side by side"). Astro lists a build's chapter modules in
// the project folder, so without the render lock each build would bundle the other's chapters
// (which failed every one of three runs before the lock).
const schoolVisits = join(repoRoot, 'tests', 'fixtures', 'school-visits');

let work: string;
const runs: Record<string, BuildRun> = {};

interface StartedBuild {
  /** What it has printed so far. */
  readonly printed: () => string;
  readonly done: Promise<BuildRun>;
}

/** The build CLI started without waiting for it, so two run at once. */
function startBuild(study: string, out: string): StartedBuild {
  const child = spawn(
    join(repoRoot, 'node_modules', '.bin', 'node'),
    [
      join(repoRoot, 'src', 'cli', 'build.ts'),
      '--data',
      join(study, 'data'),
      '--content',
      join(study, 'content'),
      '--out',
      out,
      '--no-cache',
    ],
    { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { printed: () => stdout, done: new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr }))) };
}

const waiting = `Waiting for another build (process ${process.pid}) to finish rendering its site…`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-side-by-side-'));
  // This test holds the render lock until both builds wait for it, so that they are surely
  // side by side when it lets them render.
  const release = await takeRenderLock(join(repoRoot, '.qualpress'));
  const started = [startBuild(hostileFixture, join(work, 'hostile')), startBuild(schoolVisits, join(work, 'visits'))];
  try {
    const until = Date.now() + 60_000;
    while (!started.every((build) => build.printed().includes(waiting)) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    release();
  }
  const [hostile, visits] = await Promise.all(started.map((build) => build.done));
  runs.hostile = hostile!;
  runs.visits = visits!;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two builds of one checkout side by side', () => {
  it('both wait for the render lock, and both succeed, with no problem printed', () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(run.stdout, name).toContain(`${waiting}\n`);
      expect(run.stderr, name).toBe('');
      expect(run.status, name).toBe(0);
      expect(run.stdout, name).toMatch(/^Built .*: \d+ pages, /m);
    }
  });

  it('each makes, byte for byte, the site its study makes when built alone', async () => {
    copyHostileSite(join(work, 'hostile-alone'));
    expectSameSite(join(work, 'hostile'), join(work, 'hostile-alone'));
    const alone = await startBuild(schoolVisits, join(work, 'visits-alone')).done;
    expect(alone.status).toBe(0);
    expectSameSite(join(work, 'visits'), join(work, 'visits-alone'));
  });
});
