// `npm run build`: validate and analyse the study package, build the site into a fresh
// folder, and only then replace dist/. A data problem prints one line per problem and
// exits 1 without a stack trace, leaving the last good dist/ untouched.
// `npm run release` (`--release`) builds exactly the same way, and also freezes the version
// named in study.yaml into the release archive (releases/, docs/releases.md).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSummary } from '../build/buildSummary.ts';
import { freezeRelease } from '../build/freezeRelease.ts';
import { addToSitemap, publishArchive } from '../build/publishArchive.ts';
import { collectScratch } from '../build/collectScratch.ts';
import { loadReport } from '../build/loadReport.ts';
import { problemCount, problemLines } from '../build/printProblems.ts';
import { replaceDist } from '../build/replaceDist.ts';
import { runPagefind } from '../build/runPagefind.ts';
import { siteStats } from '../build/siteStats.ts';
import { stageCount, stageTime } from '../timing/stageTimer.ts';
import { createChartCache, evictChartCache, useChartCache } from '../charts/export/chartCache.ts';
import { chartCacheStamp } from '../charts/export/chartCacheStamp.ts';
import { handReportToAstro } from '../integrations/qualpress.ts';

const { values: options } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.QUALPRESS_DATA || 'data' },
    content: { type: 'string', default: process.env.QUALPRESS_CONTENT || 'content' },
    out: { type: 'string', default: 'dist' },
    timings: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    release: { type: 'boolean', default: false },
    releases: { type: 'string', default: 'releases' },
    'no-cache': { type: 'boolean', default: false },
  },
});

const started = performance.now();
const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(options.out);
const relativeOut = relative(process.cwd(), outDir);
const shownOut = relativeOut === '' ? '.' : relativeOut.startsWith('..') ? outDir : relativeOut;
const work = join(root, '.qualpress');
// What builds killed mid-way left behind; never the folders of builds still running.
collectScratch(work);

const archiveDir = resolve(options.releases);
const shownArchive = relative(process.cwd(), archiveDir) || '.';
const loaded = loadReport(options.data, options.content, process.cwd(), { archive: archiveDir, release: options.release });
if (!loaded.ok) {
  console.error(problemLines(loaded.problems).join('\n'));
  const nothing = options.release ? `Nothing was released, and ${shownOut}/ was left as it was.` : `${shownOut}/ was left as it was.`;
  console.error(`\n${options.release ? 'Release' : 'Build'} stopped: ${problemCount(loaded.problems)}. ${nothing}`);
  process.exit(1);
}
if (loaded.release?.kind === 'same') {
  console.log(`Release ${loaded.release.version} is already in ${shownArchive}/ with the same content: nothing to do.`);
  process.exit(0);
}

process.env.QUALPRESS_DATA = resolve(options.data);
process.env.QUALPRESS_CONTENT = resolve(options.content);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
handReportToAstro(options.data, options.content, loaded);

// Charts drawn by an earlier build with the same inputs and renderer are reused (docs/performance.md).
const chartCacheDir = resolve(process.env.QUALPRESS_CACHE || join(work, 'cache'));
const chartCacheMB = Number(process.env.QUALPRESS_CACHE_MB || 200);
const chartCache = createChartCache({ dir: chartCacheDir, stamp: chartCacheStamp(root), enabled: !options['no-cache'] });
useChartCache(chartCache);

const staging = join(work, `build-${process.pid}`);
const cacheDir = join(work, `cache-${process.pid}`);
/** Everything this build wrote outside dist/, removed whether it succeeds or fails. */
function removeScratch(): void {
  for (const folder of [staging, cacheDir, process.env.QUALPRESS_GENERATED]) if (folder) rmSync(folder, { recursive: true, force: true });
}
mkdirSync(work, { recursive: true });
const renderStarted = performance.now();
try {
  const { build } = await import('astro');
  await build({
    root,
    outDir: staging,
    // A fresh cache per build: Astro's content-layer cache records where this build's
    // generated chapters were written, and a later build must not look for them there.
    cacheDir,
    logLevel: options.quiet ? 'error' : 'warn',
  });
} catch (error) {
  removeScratch();
  console.error(`Build failed while rendering the site: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`${shownOut}/ was left as it was.`);
  process.exit(1);
}
const renderMs = performance.now() - renderStarted;

// Full-text search: Pagefind indexes the staged site offline into <site>/pagefind/.
const searchStarted = performance.now();
try {
  await runPagefind(staging);
} catch (error) {
  removeScratch();
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  console.error(`Build failed while indexing the site for search (Pagefind): ${reason}. ${shownOut}/ was left as it was.`);
  process.exit(1);
}
const searchIndexMs = performance.now() - searchStarted;

const writeStarted = performance.now();
try {
  // Every release of the study, byte for byte from the archive; the sitemap lists their pages.
  const versionPages = publishArchive(staging, archiveDir, loaded.archive.releases);
  if (loaded.report.releases.releasing) {
    const frozen = freezeRelease(staging, archiveDir, loaded.report);
    // Published like any release, so this site holds what a later build will (`releases/<version>/cite.bib`, …).
    versionPages.push(...publishArchive(staging, archiveDir, [frozen]));
  }
  addToSitemap(staging, loaded.report.study.url, versionPages);
} catch (error) {
  removeScratch();
  console.error(
    `Build failed while publishing the releases: ${error instanceof Error ? error.message : String(error)}. ${shownOut}/ was left as it was.`,
  );
  process.exit(1);
}
replaceDist(staging, outDir);
removeScratch();
if (chartCache.enabled)
  evictChartCache(chartCacheDir, (Number.isFinite(chartCacheMB) && chartCacheMB >= 0 ? chartCacheMB : 200) * 1024 * 1024);
const stats = siteStats(outDir);
const writeMs = performance.now() - writeStarted;
const seconds = (performance.now() - started) / 1000;

console.log(
  buildSummary(loaded.report, {
    charts: loaded.report.charts.length,
    pages: stats.pages,
    bytes: stats.bytes,
    seconds,
    outDir: shownOut,
    ...(chartCache.enabled ? { fromCache: chartCache.charts().fromCache.size } : {}),
  }),
);
for (const notice of loaded.notices) console.log(notice);
const { releasing } = loaded.report.releases;
if (releasing) {
  const entry = loaded.report.releases.releases.at(-1);
  console.log(
    `Released ${releasing.version} into ${shownArchive}/: ${entry?.changed.length ?? 0} chart(s) new or changed, ${entry?.unchanged.length ?? 0} unchanged` +
      `${entry && entry.removed.length > 0 ? `, ${entry.removed.length} removed` : ''}.`,
  );
}

if (options.timings) {
  // Drawing charts includes rasterising their PNG files, which happens while pages are written.
  const chartsMs = stageTime('charts') + stageTime('png');
  writeFileSync(
    options.timings,
    JSON.stringify({
      wallMs: performance.now() - started,
      // writePagesMs includes writing the search index (searchIndexMs).
      stages: {
        readValidateMs: loaded.timings.loadMs,
        analyseMs: loaded.timings.analyseMs,
        renderChartsMs: chartsMs,
        writePagesMs: renderMs - chartsMs + searchIndexMs + writeMs,
      },
      searchIndexMs,
      // Astro's whole build (Vite's bundling and every page written); with the charts cached, most of a rebuild.
      astroBuildMs: renderMs,
      pngMs: stageTime('png'),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      distBytes: stats.bytes,
      pages: stats.pages,
      charts: stageCount('charts'),
    }),
  );
}
