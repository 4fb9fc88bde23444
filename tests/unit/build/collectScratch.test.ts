import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectScratch, processIsRunning } from '../../../src/build/collectScratch.ts';

let work: string;
beforeEach(() => {
  work = join(mkdtempSync(join(tmpdir(), 'qualpress-scratch-')), '.qualpress');
});
afterEach(() => rmSync(join(work, '..'), { recursive: true, force: true }));

/** Make each folder (relative to .qualpress/) with a file in it, as a build would leave it. */
function folders(...names: string[]): void {
  for (const name of names) {
    mkdirSync(join(work, name), { recursive: true });
    writeFileSync(join(work, name, 'index.html'), '<!doctype html>');
  }
}

const left = (under = '') => readdirSync(join(work, under)).sort();

/** The id of a process that has just ended: no process runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('collectScratch', () => {
  it('removes build, cache and generated-chapter folders of processes that are not running', () => {
    const dead = deadPid();
    expect(processIsRunning(dead)).toBe(false);
    folders(`build-${dead}`, `cache-${dead}`, `generated/0123456789abcdef-${dead}`);
    expect(collectScratch(work).sort()).toEqual(
      [join(work, `build-${dead}`), join(work, `cache-${dead}`), join(work, 'generated', `0123456789abcdef-${dead}`)].sort(),
    );
    expect(left()).toEqual(['generated']);
    expect(left('generated')).toEqual([]);
  });

  it('keeps the folders of running processes: this one and another build running side by side', () => {
    const other = process.ppid;
    expect(processIsRunning(other)).toBe(true);
    const names = [
      `build-${process.pid}`,
      `cache-${process.pid}`,
      `build-${other}`,
      `cache-${other}`,
      `generated/0123456789abcdef-${process.pid}`,
      `generated/fedcba9876543210-${other}`,
    ];
    folders(...names);
    expect(collectScratch(work)).toEqual([]);
    for (const name of names) expect(existsSync(join(work, name)), name).toBe(true);
  });

  it('keeps anything not named like a scratch folder, and files named like one', () => {
    const dead = deadPid();
    const kept = [
      'build',
      'build-',
      'build-12x',
      'builds-1',
      `dist-${dead}`,
      `my-build-${dead}`,
      `generated/notes-${dead}`,
      `generated/0123456789ABCDEF-${dead}`,
      'generated/0123456789abcdef',
    ];
    folders(...kept);
    writeFileSync(join(work, `cache-${dead}`), 'a file, not a folder');
    expect(collectScratch(work)).toEqual([]);
    for (const name of [...kept, `cache-${dead}`]) expect(existsSync(join(work, name)), name).toBe(true);
  });

  it('keeps the chart cache, whose entries outlive every build', () => {
    const dead = deadPid();
    folders(`build-${dead}`, 'cache/ab', `cache/ab/ab12.${dead}-0a1b2c3d.tmp`);
    collectScratch(work);
    expect(left()).toEqual(['cache']);
    expect(left('cache/ab')).toEqual(['ab12.' + String(dead) + '-0a1b2c3d.tmp', 'index.html']);
  });

  it('asks about each folder by the process id in its name', () => {
    folders('build-101', 'cache-102', 'build-103', 'generated/0123456789abcdef-104', 'generated/0123456789abcdef-105');
    const asked: number[] = [];
    const running = new Set([103, 105]);
    collectScratch(work, (pid) => (asked.push(pid), running.has(pid)));
    expect(asked.sort()).toEqual([101, 102, 103, 104, 105]);
    expect(left()).toEqual(['build-103', 'generated']);
    expect(left('generated')).toEqual(['0123456789abcdef-105']);
  });

  it('does nothing, and does not fail, when there is no .qualpress/ folder yet', () => {
    expect(collectScratch(join(work, 'missing'))).toEqual([]);
  });
});
