// `npm run screenshots`: full-page pictures of each kind of page the site has, at a phone, a
// tablet and a laptop width, in light and dark colours, to look at a design change before
// and after (docs/design.md). They go into the git-ignored screenshots/ folder, named
// `type-width-scheme.png` (`chart-page-1280-dark.png`).
//
//   node scripts/screenshots.ts [--dist DIR] [--out DIR]
//
// --dist: a built site of the default study (default dist/, built first when it is missing).
// --out: where the pictures go (default screenshots/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { serveDist } from '../tests/browser/helpers/server.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const widths = [360, 768, 1280] as const;
const schemes = ['light', 'dark'] as const;

const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
const dist = resolve(values.dist ?? join(repoRoot, 'dist'));
const out = resolve(values.out ?? join(repoRoot, 'screenshots'));

if (!existsSync(join(dist, 'index.html'))) {
  if (values.dist) fail(`no built site at ${dist} (no index.html)`);
  console.error(`Building the default study into ${dist} …`);
  const build = spawnSync(process.execPath, [join(repoRoot, 'src', 'cli', 'build.ts'), '--quiet', '--out', dist], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) fail('the build failed');
}

const study = parseYaml(readFileSync(join(repoRoot, 'data', 'study.yaml'), 'utf8')) as { url: string };
const base = new URL(study.url).pathname;
const pages = pageTypes(dist);
mkdirSync(out, { recursive: true });

const server = await serveDist(dist, base);
const browser = await chromium.launch({
  executablePath: process.env.QUALPRESS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const colorScheme of schemes) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, serviceWorkers: 'block' });
      // Offline, as a reader's browser would be if the site fetched anything from elsewhere.
      await context.route('**/*', (route) => (new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort()));
      const tab = await context.newPage();
      for (const [type, path] of Object.entries(pages)) {
        await open(tab, server.url(path), path);
        const file = join(out, `${type}-${width}-${colorScheme}.png`);
        await tab.screenshot({ path: file, fullPage: true });
      }
      await context.close();
      console.error(`${colorScheme} ${width} px: ${Object.keys(pages).length} pages`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${Object.keys(pages).length * widths.length * schemes.length} screenshots in ${out}`);

/** Open a page and wait until it is drawn: its fonts loaded, and on the search page its results listed. */
async function open(tab: Page, url: string, path: string): Promise<void> {
  const response = await tab.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) fail(`${url}: HTTP ${response?.status() ?? 'no response'}`);
  if (path.startsWith('search/')) await tab.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
  await tab.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** One page of each kind the site has, as a path below the base path. */
function pageTypes(dist: string): Record<string, string> {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((path) => path.split(sep).join('/'));
  const chapterIds = files.flatMap((file) => /^chapters\/([^/]+)\/index\.html$/.exec(file)?.[1] ?? []);
  const authored = new Set(readdirSync(join(repoRoot, 'content', 'chapters')).map((name) => name.replace(/\.mdx?$/, '')));
  const hasChart = (id: string) => readFileSync(join(dist, 'chapters', id, 'index.html'), 'utf8').includes('class="chart-image');
  const authoredChapter = chapterIds.find((id) => authored.has(id) && hasChart(id));
  const generatedChapter = chapterIds.find((id) => !authored.has(id) && hasChart(id));
  const chart = files.flatMap((file) => /^charts\/([^/]+)\/index\.html$/.exec(file)?.[1] ?? [])[0];
  if (!authoredChapter || !generatedChapter || !chart) fail('the site has no authored chapter, generated chapter or chart with a chart');
  // A word every chapter's search index has: the first long word of the authored chapter's title.
  const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(readFileSync(join(dist, 'chapters', authoredChapter, 'index.html'), 'utf8'))?.[1] ?? '';
  const word = /\p{L}{5,}/u.exec(title)?.[0] ?? 'tweets';
  return {
    home: '',
    'authored-chapter': `chapters/${authoredChapter}/`,
    'generated-chapter': `chapters/${generatedChapter}/`,
    'chart-page': `charts/${chart}/`,
    'embed-page': `charts/${chart}/embed/`,
    'chart-index': 'charts/',
    releases: 'releases/',
    search: `search/?q=${encodeURIComponent(word.toLowerCase())}`,
  };
}

function fail(message: string): never {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}
