import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../src/render/contentSecurityPolicy.ts';
import { copyDefaultSite, copyHostileSite } from '../helpers/builtSite.ts';

// Every generated page passes the Nu Html Checker (the W3C validator, run locally from the
// vnu-jar package with Java 17): the default study, and the study of hostile text, whose
// pages must stay valid whatever markup the data hold. And every page keeps to its
// Content-Security-Policy: no inline style, no inline script but hashed JSON-LD.
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

let work: string;
const sites: Record<string, string> = {};
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-html-'));
  // The default study's site and the hostile fixture's, each built once per run and shared.
  sites.default = join(work, 'default');
  copyDefaultSite(sites.default);
  sites.hostile = join(work, 'hostile');
  copyHostileSite(sites.hostile);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
const htmlCount = (dir: string) => htmlFiles(dir).length;

describe('HTML validity', () => {
  it('every page of the built sites passes the Nu Html Checker with no errors', () => {
    for (const [name, dir] of Object.entries(sites)) expect(htmlCount(dir), name).toBeGreaterThan(10);
    // One JVM for every file of both sites; the report is JSON on stderr.
    const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', ...Object.values(sites)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error)
      throw new Error(`could not run the Nu Html Checker (java -jar ${vnuJar}): ${run.error.message}; Java 17 or newer is needed`);
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`the Nu Html Checker did not report as JSON (exit ${run.status}):\n${run.stderr}${run.stdout}`);
    }
    const where = (url = '') => (url.startsWith('file:') ? relative(work, fileURLToPath(url)) : url);
    const errors = messages
      .filter((message) => message.type !== 'info')
      .map(
        (message) =>
          `${where(message.url)}:${message.lastLine ?? '?'}:${message.firstColumn ?? '?'}: ${message.message}${message.extract ? ` [${message.extract.replace(/\s+/g, ' ').trim()}]` : ''}`,
      );
    if (errors.length > 0) console.error(errors.join('\n'));
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('every page has its Content-Security-Policy first in <head>, and nothing inline it would refuse', () => {
    for (const [name, dir] of Object.entries(sites)) {
      for (const path of htmlFiles(dir)) {
        const where = `${name}/${relative(dir, path)}`;
        const { document } = parseHTML(readFileSync(path, 'utf8'));
        const [charset, policy] = [...document.head.children];
        expect(charset?.getAttribute('charset'), where).toBe('utf-8');
        expect(policy?.getAttribute('http-equiv'), where).toBe('Content-Security-Policy');
        const inline = [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '');
        for (const script of document.querySelectorAll('script:not([src])'))
          expect(script.getAttribute('type'), where).toBe('application/ld+json');
        const search = relative(dir, path) === join('search', 'index.html');
        expect(policy!.getAttribute('content'), where).toBe(contentSecurityPolicy({ search, inlineScripts: inline }));
        for (const text of inline) expect(policy!.getAttribute('content'), where).toContain(scriptHash(text));
        expect(document.querySelectorAll('style, [style]').length, `${where}: <style> or style=""`).toBe(0);
      }
    }
  });
});
