import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectScratch } from '../../src/build/collectScratch.ts';
import { launchBrowser, skipBrowserTests } from '../browser/helpers/browser.ts';
import { studyAddress } from '../browser/helpers/site.ts';
import { baseRoot, expectedLines, prepareCase, type CaseFolders } from '../helpers/badCase.ts';
import { startDevServer, type DevServer } from '../helpers/devServer.ts';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';

// `npm run dev` on a study with a data problem (a case of the bad-input corpus): the
// researcher sees the problem list, as the build prints it, in the browser and in the
// terminal, and nothing of qualpress's own code (no stack trace, no source excerpt); once
// the file is fixed the report comes back by itself, and a new problem replaces it again.

const broken = '13-unknown-code';
const title = 'A tiny forum study for bad-input tests';
let work: string;
let study: CaseFolders;
let server: DevServer;
let home: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-dev-'));
  study = prepareCase(broken, join(work, 'study'));
  server = await startDevServer(study, join(work, 'cache'));
  home = `${server.origin}${studyAddress(study.data).base}`;
});
afterAll(async () => {
  await server?.stop();
  // The dev server leaves its generated chapters behind, as a stopped `npm run dev` does.
  collectScratch(join(repoRoot, '.qualpress'));
  rmSync(work, { recursive: true, force: true });
});

const breakData = () => copyFileSync(join(baseRoot, '..', broken, 'data', 'posts.csv'), join(study.data, 'posts.csv'));
const fixData = () => copyFileSync(join(baseRoot, 'data', 'posts.csv'), join(study.data, 'posts.csv'));

/** The text of each list item of a problem page, as a reader sees it. */
function listed(html: string): string[] {
  return [...html.matchAll(/<li><code>([\s\S]*?)<\/code><\/li>/g)].map((match) =>
    match[1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
  );
}

/** Fetch `url` until `accept` says yes (the server reloads the study a moment after a change). */
async function fetchUntil(
  url: string,
  accept: (status: number, html: string) => boolean,
  ms = 30_000,
): Promise<{ status: number; html: string }> {
  const until = Date.now() + ms;
  for (;;) {
    const response = await fetch(url);
    const html = await response.text();
    if (accept(response.status, html)) return { status: response.status, html };
    if (Date.now() > until)
      throw new Error(`${url} answered ${response.status} for ${ms} ms:\n${html.slice(0, 2000)}\n--- dev server:\n${server.output()}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

const isProblemPage = (status: number, html: string) => status === 500 && html.includes('The report cannot be shown');
const isReport = (status: number, html: string) => status === 200 && html.includes(`<title>${title}`);

/** What must never reach a researcher: a stack frame, a source excerpt, our own files. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/^\s*at \S/m);
  expect(text).not.toMatch(/qualpress\.ts|src\/integrations|src\/build|node_modules/);
}

describe('npm run dev with a data problem', () => {
  it('answers every page with the problem list, one line each, and nothing else', async () => {
    const expected = expectedLines(broken, study);
    for (const path of ['', 'charts/', 'chapters/one/', 'no-such-page/']) {
      const response = await fetch(`${home}${path}`);
      const html = await response.text();
      expect(response.status, path).toBe(500);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(listed(html), path).toEqual(expected);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain(`<title>The report cannot be shown: ${expected.length} problems in the study package or its content</title>`);
      // Vite's client, which reloads the page when the files change.
      expect(html).toContain('<script type="module" src="/@vite/client"></script>');
      expectNoInternals(html);
    }
    // Vite's own files and public/ are still served.
    expect((await fetch(`${server.origin}/@vite/client`)).status).toBe(200);
    expect((await fetch(`${home}favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('prints the same list in the terminal, without a stack trace', () => {
    const output = server.output();
    for (const line of expectedLines(broken, study)) expect(output).toContain(`${line}\n`);
    expect(output).toContain('2 problems in the study package or its content.');
    expectNoInternals(output);
  });

  it('shows the report once the file is fixed, and the problems again when it breaks again', async () => {
    let from = server.output().length;
    fixData();
    await server.printed('the report is back', from);
    const report = await fetchUntil(home, isReport);
    expect(report.html).toContain('href="/bad-input/chapters/theme/"');
    // A generated chapter, written when the study loaded.
    await fetchUntil(`${home}chapters/theme/`, (status) => status === 200);

    from = server.output().length;
    breakData();
    await server.printed('2 problems in the study package or its content.', from);
    expect(listed((await fetchUntil(`${home}chapters/theme/`, isProblemPage)).html)).toEqual(expectedLines(broken, study));
    expectNoInternals(server.output().slice(from));
  });
});

describe('npm run dev while a build of the same checkout runs', () => {
  it('keeps showing its chapters once the build is done, and reloads no page for the files the build writes', async () => {
    fixData();
    await fetchUntil(`${home}chapters/theme/`, (status) => status === 200);
    const from = server.output().length;
    // Another study, whose chapters Astro lists in the project folder the dev server reads.
    const visits = join(repoRoot, 'tests', 'fixtures', 'school-visits');
    const built = runBuild(['--data', join(visits, 'data'), '--content', join(visits, 'content'), '--out', join(work, 'visits-site')]);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    await fetchUntil(`${home}chapters/theme/`, (status) => status === 200, 10_000);
    // Astro prints "[watch] <file>" for each full reload it sends open pages.
    expect(server.output().slice(from)).not.toMatch(/\[watch\] \S*\.qualpress\/(?:build|cache)/);
    // Broken again, as the next tests expect.
    breakData();
    await fetchUntil(home, isProblemPage);
  });
});

describe.skipIf(skipBrowserTests)('npm run dev in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('reloads an open page from the problems to the report and back, by itself', async () => {
    await fetchUntil(home, isProblemPage);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Whether Vite's client in the page now shown has connected, so it hears of the next change.
    let connected = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) connected = false;
    });
    page.on('console', (message) => {
      if (message.text().includes('[vite] connected')) connected = true;
    });
    // The page may also be reloaded by the server for its own reasons (Astro's content store,
    // Vite's dependency optimiser): every check waits for a state, never for one load.
    const shown = () => page.evaluate(() => [...document.querySelectorAll('li')].map((item) => item.textContent)).catch(() => []);
    const titled = (start: string) => page.waitForFunction((wanted) => document.title.startsWith(wanted), start, { timeout: 30_000 });

    await page.goto(`${home}charts/`);
    await titled('The report cannot be shown');
    await expect.poll(shown).toEqual(expectedLines(broken, study));
    await expect.poll(() => connected, { timeout: 30_000 }).toBe(true);

    fixData();
    await titled('Charts');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    await expect.poll(() => connected, { timeout: 30_000 }).toBe(true);
    breakData();
    await titled('The report cannot be shown');
    await expect.poll(shown).toEqual(expectedLines(broken, study));
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
