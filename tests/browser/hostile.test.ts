import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/runBuild.ts';
import { launchBrowser, newContext, skipBrowserTests, watchPage } from './helpers/browser.ts';
import { serveDist, type StaticServer } from './helpers/server.ts';
import { buildSite, hostileSite, htmlFiles, pagePath, type BuiltSite } from './helpers/site.ts';

// A study whose every text field is hostile (markup, scripts, event handlers, javascript:
// URLs) built and opened in a real browser: none of it may run. Markup written by a
// researcher (or pasted from a participant) is text on the page, never code.
// QUALPRESS_HOSTILE_FIXTURE points the test at another copy of the fixture (to check the test itself).
const fixture = process.env.QUALPRESS_HOSTILE_FIXTURE ?? join(repoRoot, 'tests', 'fixtures', 'hostile');
const fixtureExists = existsSync(join(fixture, 'data', 'study.yaml'));

// Skipped when the fixture is not there (it is optional), and, like every browser test, only
// outside CI when no browser is installed (helpers/browser.ts warns loudly then).
describe.skipIf(skipBrowserTests || !fixtureExists)('a study of hostile text in a browser', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let copy: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    if (process.env.QUALPRESS_HOSTILE_FIXTURE) {
      // Another copy of the fixture, built here.
      copy = mkdtempSync(join(tmpdir(), 'qualpress-hostile-study-'));
      cpSync(fixture, copy, { recursive: true });
      mkdirSync(join(copy, 'content'), { recursive: true });
      site = buildSite('hostile', { data: join(copy, 'data'), content: join(copy, 'content') });
    } else {
      // The committed fixture's site, built once per run for every test file that reads it.
      site = hostileSite();
    }
    server = await serveDist(site.dist, site.base);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) rmSync(site.dist, { recursive: true, force: true });
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  /**
   * Before any script of a page: `window.__hostile` is a trap. A payload that calls it
   * (`__hostile()`) or sets it (`window.__hostile = 1`) is recorded in `__hostileRuns`.
   */
  const trap = () => {
    const runs: string[] = [];
    Object.defineProperty(window, '__hostileRuns', { value: runs });
    const flag = (...args: unknown[]) => {
      runs.push(`called(${args.map(String).join(', ')})`);
    };
    Object.defineProperty(window, '__hostile', {
      configurable: false,
      get: () => flag,
      set: (value: unknown) => {
        runs.push(`set to ${String(value)}`);
      },
    });
  };

  it('runs no script from the study on any page: no dialog, no __hostile flag, no "alert"', async () => {
    const { context, foreign } = await newContext(browser, server.origin);
    await context.addInitScript(trap);
    const tab: Page = await context.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    const watch = watchPage(tab, server.origin);
    const paths = htmlFiles(site.dist).map(pagePath);
    expect(paths.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const path of paths) {
      watch.reset();
      dialogs.length = 0;
      await tab.goto(server.url(path), { waitUntil: 'load' });
      // Handlers that would fire on focus or hover (an injected onfocus, onmouseover): give
      // every element those events, and move the mouse over the page.
      await tab.evaluate(() => {
        for (const element of document.querySelectorAll('body *')) {
          for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'focusin', 'blur'])
            element.dispatchEvent(new Event(type, { bubbles: type !== 'mouseenter' && type !== 'focus' && type !== 'blur' }));
        }
      });
      await tab.mouse.move(10, 10);
      await tab.mouse.move(300, 600, { steps: 3 });
      const runs = await tab.evaluate(() => (window as typeof window & { __hostileRuns: string[] }).__hostileRuns);
      const where = path || '(home)';
      for (const run of runs) problems.push(`${where}: a hostile script ran: __hostile ${run}`);
      for (const dialog of dialogs) problems.push(`${where}: a dialog opened: ${dialog}`);
      for (const message of watch.console.filter((text) => /alert|hostile/i.test(text))) problems.push(`${where}: console ${message}`);
      // A payload the page's CSP refused still reached the page as code: as much a failure.
      problems.push(...watch.problems.map((problem) => `${where}: ${problem}`));
    }
    problems.push(...foreign.map((url) => `a request to another origin: ${url}`));
    await context.close();
    expect(problems).toEqual([]);
  });

  it('fits a 320 px screen on every page, whatever the length of its words', async () => {
    const { context } = await newContext(browser, server.origin, { viewport: { width: 320, height: 720 } });
    const tab = await context.newPage();
    const problems: string[] = [];
    for (const path of htmlFiles(site.dist).map(pagePath)) {
      await tab.goto(server.url(path), { waitUntil: 'load' });
      const { scrollWidth, innerWidth } = await tab.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) problems.push(`${path || '(home)'}: scrollWidth ${scrollWidth} > ${innerWidth}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
