import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Request } from 'playwright-core';

/**
 * One headless Chromium for the browser tests: Debian's, at /usr/bin/chromium (test tools
 * cannot download their own browser here). `.ci/run` installs it; outside CI a machine
 * without it skips the browser tests with a loud warning, under CI it is a failure.
 */
export const chromiumPath = process.env.QUALPRESS_CHROMIUM ?? '/usr/bin/chromium';
export const browserInstalled = existsSync(chromiumPath);
export const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/** True when the browser tests must be skipped: no browser, and not in CI (where that fails). */
export const skipBrowserTests = !browserInstalled && !inCi;
if (skipBrowserTests) {
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!!! BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath}.`,
      '!!! The pages were NOT checked in a real browser (console errors, accessibility,',
      '!!! keyboard, narrow screens, print). Install it: apt-get install chromium',
      '!!! (under CI=true a missing browser fails the run instead).',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
}

/** Launch the one browser of a test file; throws (a failure) when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!browserInstalled)
    throw new Error(`no Chromium at ${chromiumPath}: install it (apt-get install chromium); CI=${process.env.CI ?? ''}`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** The problems a page had while loading: anything here fails a test. */
export interface PageWatch {
  readonly problems: string[];
  /** Messages the page logged to the console, any level, as `type: text`. */
  readonly console: string[];
  /** Forget what was recorded so far (before the next navigation). */
  reset(): void;
}

/**
 * A context whose pages can only reach the local server: a request to any other origin is
 * aborted and recorded as a problem (the site must fetch nothing from elsewhere).
 */
export async function newContext(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const foreign: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, foreign };
}

/**
 * Record on `page` every console error or warning, uncaught error, failed request,
 * response with status 400 or more, and request to another origin than `origin`.
 * `allowStatus` lists request URLs whose error status is expected (the 404 page's own address).
 */
export function watchPage(page: Page, origin: string, allowStatus: (url: string, status: number) => boolean = () => false): PageWatch {
  const problems: string[] = [];
  const messages: string[] = [];
  page.on('console', (message) => {
    const type = message.type();
    messages.push(`${type}: ${message.text()}`);
    if (type === 'error' || type === 'warning' || type === 'assert') {
      const location = message.location();
      // Chromium logs every error response too; an expected one (the 404 page) is no problem.
      const logged = /^Failed to load resource: the server responded with a status of (\d+)/.exec(message.text());
      if (logged && allowStatus(location.url, Number(logged[1]))) return;
      problems.push(`console ${type}: ${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Each reset() starts a new generation: what the previous page still loaded (its icon,
  // fetched after `load`) is cancelled by the next navigation, which is not the page's fault.
  let generation = 0;
  const started = new WeakMap<Request, number>();
  // The old document lives until the new one commits, and may start requests after reset()
  // (lazy images coming into view as it is torn down); a commit starts a generation too.
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) generation += 1;
  });
  page.on('request', (request) => {
    started.set(request, generation);
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${request.method()} ${url}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    if (reason === 'net::ERR_ABORTED' && (started.get(request) ?? generation) < generation) return;
    // The browser fetches a page's icon by itself after `load`, and cancels that fetch as it
    // pleases (its event may even come after the next page's started). A cancelled icon is
    // not a broken one: tests fetch each page's icon explicitly and check its status.
    if (reason === 'net::ERR_ABORTED' && request.resourceType() === 'other' && /\.(svg|ico|png)$/.test(new URL(request.url()).pathname))
      return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && !allowStatus(response.url(), status))
      problems.push(`HTTP ${status}: ${response.request().method()} ${response.url()}`);
  });
  return {
    problems,
    console: messages,
    reset() {
      generation += 1;
      problems.length = 0;
      messages.length = 0;
    },
  };
}
