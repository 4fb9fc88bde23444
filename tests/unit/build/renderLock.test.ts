import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderLockName, takeRenderLock } from '../../../src/build/renderLock.ts';
import { repoRoot } from '../../helpers/runBuild.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-render-lock-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const lock = () => join(work, renderLockName);
const holder = () => (existsSync(lock()) ? Number(readFileSync(lock(), 'utf8')) : undefined);
const otherBuild = 2_000_000_001;

describe('the render lock', () => {
  it('is taken when free, names this process, and is gone once given back, leaving no file of the offer', async () => {
    const release = await takeRenderLock(work);
    expect(holder()).toBe(process.pid);
    release();
    expect(holder()).toBeUndefined();
    expect(readdirSync(work)).toEqual([]);
  });

  it('makes a second build wait while a running build holds it, says so once, and lets it in when given back', async () => {
    writeFileSync(lock(), String(otherBuild));
    const waitedFor: number[] = [];
    let taken = false;
    const second = takeRenderLock(work, { isRunning: () => true, onWait: (pid) => waitedFor.push(pid) }).then((release) => {
      taken = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(taken).toBe(false);
    expect(waitedFor).toEqual([otherBuild]);
    rmSync(lock()); // the other build gives it back
    const release = await second;
    expect(holder()).toBe(process.pid);
    expect(waitedFor).toEqual([otherBuild]);
    release();
  });

  it('takes over, without waiting, a lock left by a build that no longer runs, or an hour old, or unreadable, or naming this very process', async () => {
    for (const [content, running, ageHours] of [
      [String(otherBuild), false, 0],
      [String(otherBuild), true, 2],
      ['not a process id', true, 0],
      // Left by an earlier process that had this one's id (a killed build in a container).
      [String(process.pid), true, 0],
    ] as const) {
      writeFileSync(lock(), content);
      const then = Date.now() / 1000 - ageHours * 3600;
      utimesSync(lock(), then, then);
      const waitedFor: number[] = [];
      const release = await takeRenderLock(work, { isRunning: () => running, onWait: (pid) => waitedFor.push(pid) });
      expect(holder(), content).toBe(process.pid);
      expect(waitedFor, content).toEqual([]);
      release();
    }
  });

  it('removes the files that builds killed while waiting left, and no file of a running build', async () => {
    writeFileSync(join(work, `${renderLockName}.${otherBuild}`), String(otherBuild));
    writeFileSync(join(work, `${renderLockName}.stale.${otherBuild}`), String(otherBuild + 1));
    writeFileSync(join(work, `${renderLockName}.${otherBuild + 2}`), String(otherBuild + 2));
    const release = await takeRenderLock(work, { isRunning: (pid) => pid === otherBuild + 2 });
    expect(readdirSync(work).sort()).toEqual([renderLockName, `${renderLockName}.${otherBuild + 2}`]);
    release();
  });

  it('lets the build render without it, saying why, when it cannot be made at all', async () => {
    // A file where the folder should be: nothing can be written in it.
    const notAFolder = join(work, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const reasons: string[] = [];
    const release = await takeRenderLock(notAFolder, { onUnavailable: (reason) => reasons.push(reason) });
    expect(reasons).toEqual(['ENOTDIR']);
    release();
  });

  it('when given back, leaves a lock that another build has taken over since', async () => {
    const release = await takeRenderLock(work);
    writeFileSync(lock(), String(otherBuild));
    release();
    expect(holder()).toBe(otherBuild);
  });

  it('is given back when the build exits without giving it back (a failed build calls process.exit)', () => {
    const script = `
      const { takeRenderLock } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src', 'build', 'renderLock.ts')).href)});
      await takeRenderLock(${JSON.stringify(work)});
      process.exit(1);`;
    const child = spawnSync(join(repoRoot, 'node_modules', '.bin', 'node'), ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    expect(holder()).toBeUndefined();
  });
});
