// `npm run build`: validate and analyse the study package, build the site into a fresh
// folder, and only then replace dist/. A data problem prints one line per problem and
// exits 1 without a stack trace, leaving the last good dist/ untouched.
// `npm run release` (`--release`) builds exactly the same way, and also freezes the version
// named in study.yaml into the release archive (releases/, docs/releases.md).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// Only what the check "has anything changed?" needs is imported up front: when nothing has,
// the build ends before loading the analysis, the charts, citation-js and Astro.
import { buildKey, packageHash } from '../build/buildKey.ts';
import { readRecord, recordPath, removeRecord, siteIsIntact, siteManifest, writeRecord } from '../build/buildRecord.ts';
import { upToDateSummary } from '../build/buildSummary.ts';
import { collectScratch } from '../build/collectScratch.ts';
import { giveBackNativeMemoryForBigStudies } from '../build/nativeMemory.ts';
import { keepDevServerFiles } from '../build/devServerFiles.ts';
import { takeRenderLock } from '../build/renderLock.ts';

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
const cacheDir = resolve(process.env.QUALPRESS_CACHE || join(work, 'cache'));
const useCache = !options['no-cache'];
// V8's compiled code of qualpress, Astro and the libraries, kept between builds in the build
// cache: a build then spends less of its time compiling the same modules again (docs/performance.md).
if (useCache) enableCompileCache(join(cacheDir, 'compiled-code'));

// No change since the last build into this folder, and its site untouched: nothing to do.
// A release always builds, since it writes the archive (docs/performance.md, "Rebuilds").
const record = recordPath(cacheDir, outDir);
// The study package is hashed once: for the build key, and to find its analysis.
const dataHash = packageHash(resolve(options.data));
const key = buildKey(
  {
    root,
    dataDir: resolve(options.data),
    contentDir: resolve(options.content),
    archiveDir,
    outDir,
    cwd: process.cwd(),
  },
  dataHash,
);
const last = useCache && !options.release ? readRecord(record) : undefined;
if (last && last.key === key && siteIsIntact(outDir, last.files)) {
  const seconds = (performance.now() - started) / 1000;
  console.log([...last.summary, upToDateSummary({ ...last, seconds, outDir: shownOut }), ...last.notices].join('\n'));
  if (options.timings) {
    const nothing = { readValidateMs: 0, analyseMs: 0, renderChartsMs: 0, writePagesMs: 0 };
    writeFileSync(
      options.timings,
      JSON.stringify({
        wallMs: performance.now() - started,
        upToDate: true,
        stages: nothing,
        searchIndexMs: 0,
        astroBuildMs: 0,
        pngMs: 0,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        distBytes: last.bytes,
        pages: last.pages,
        charts: 0,
      }),
    );
  }
  process.exit(0);
}

// Before the modules below load their native libraries.
giveBackNativeMemoryForBigStudies(resolve(options.data));
const [
  { buildSummary, readSummary },
  { freezeRelease },
  { addToSitemap, publishArchive },
  { loadReport },
  { problemCount, problemLines },
  { replaceDist },
  { runPagefind },
  { siteStats },
  { stageCount, stageTime },
  { createChartCache, evictChartCache, useChartCache },
  { chartCacheStamp },
  { handReportToAstro },
  { releaseMemory },
  { citationCacheStamp, loadCitationCache, saveCitationCache },
  { analysisCache, analysisCacheStamp },
  { progressLine },
] = await Promise.all([
  import('../build/buildSummary.ts'),
  import('../build/freezeRelease.ts'),
  import('../build/publishArchive.ts'),
  import('../build/loadReport.ts'),
  import('../build/printProblems.ts'),
  import('../build/replaceDist.ts'),
  import('../build/runPagefind.ts'),
  import('../build/siteStats.ts'),
  import('../timing/stageTimer.ts'),
  import('../charts/export/chartCache.ts'),
  import('../charts/export/chartCacheStamp.ts'),
  import('../integrations/qualpress.ts'),
  import('../build/releaseMemory.ts'),
  import('../build/citationCache.ts'),
  import('../build/analysisCache.ts'),
  import('../build/progressLine.ts'),
]);

// Citations the last build formatted with the same code: the checks below and the pages cite them again.
const citationStamp = useCache ? citationCacheStamp(root) : '';
if (useCache) loadCitationCache(cacheDir, citationStamp);

// A study package analysed by an earlier build with the same code is not read and analysed again.
const analyses = useCache
  ? analysisCache(cacheDir, analysisCacheStamp(root), { packageHash: dataHash, dataDir: options.data, cwd: process.cwd() })
  : undefined;
// On a terminal, a study that takes more than a second to read says how far it has got.
const progress = options.quiet ? undefined : progressLine(process.stderr);
const loaded = (() => {
  try {
    return loadReport(options.data, options.content, process.cwd(), {
      archive: archiveDir,
      release: options.release,
      ...(analyses ? { analyses } : {}),
      ...(progress ? { progress: progress.report } : {}),
    });
  } finally {
    progress?.clear();
  }
})();
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
// The study's records are garbage now: what they took goes back before Astro's build starts on
// top of it. Only for a study big enough to leave much (the collection takes about 0.3 s).
if (process.memoryUsage.rss() > 512 * 1024 * 1024) releaseMemory();

// Charts drawn by an earlier build with the same inputs and renderer are reused (docs/performance.md).
const chartCacheMB = Number(process.env.QUALPRESS_CACHE_MB || 200);
const chartCache = createChartCache({ dir: cacheDir, stamp: chartCacheStamp(root), enabled: useCache });
useChartCache(chartCache);

const staging = join(work, `build-${process.pid}`);
const astroCacheDir = join(work, `cache-${process.pid}`);
/** Everything this build wrote outside dist/, removed whether it succeeds or fails. */
function removeScratch(): void {
  for (const folder of [staging, astroCacheDir, process.env.QUALPRESS_GENERATED])
    if (folder) rmSync(folder, { recursive: true, force: true });
}
mkdirSync(work, { recursive: true });
// Builds of this checkout render one at a time: Astro keeps a build's list of chapter modules
// in the project folder (build/renderLock.ts).
const releaseRenderLock = await takeRenderLock(work, {
  onWait: (holder) => {
    if (!options.quiet) console.log(`Waiting for another build (process ${holder}) to finish rendering its site…`);
  },
  onUnavailable: (reason) => {
    if (!options.quiet)
      console.log(
        `Rendering without ${relative(process.cwd(), join(work, 'render.lock'))} (${reason}): run no other build of this checkout meanwhile.`,
      );
  },
});
// What a dev server of this checkout reads there is put back once Astro is done (build/devServerFiles.ts).
const restoreDevServerFiles = keepDevServerFiles(root);
/** When Astro is done, fails or is interrupted: put back what a dev server reads, and give the lock back. */
const endRendering = () => {
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);
  restoreDevServerFiles();
  releaseRenderLock();
};
// Ctrl-C or a kill while Astro renders: end rendering, then stop as the signal asks.
const interrupted = (signal: NodeJS.Signals) => {
  endRendering();
  process.kill(process.pid, signal);
};
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
const renderStarted = performance.now();
try {
  const { build } = await import('astro');
  await build({
    root,
    outDir: staging,
    // A fresh cache per build: Astro's content-layer cache records where this build's
    // generated chapters were written, and a later build must not look for them there.
    cacheDir: astroCacheDir,
    logLevel: options.quiet ? 'error' : 'warn',
  });
} catch (error) {
  endRendering();
  removeScratch();
  console.error(`Build failed while rendering the site: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`${shownOut}/ was left as it was.`);
  process.exit(1);
}
endRendering();
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
// The manifest of the staged site is that of the published one: a rename keeps every file's
// inode and time. The old record goes first, so a build stopped mid-swap leaves none.
const manifest = siteManifest(staging);
removeRecord(record);
replaceDist(staging, outDir);
removeScratch();
if (useCache) saveCitationCache(cacheDir, citationStamp);
if (chartCache.enabled) evictChartCache(cacheDir, (Number.isFinite(chartCacheMB) && chartCacheMB >= 0 ? chartCacheMB : 200) * 1024 * 1024);
const stats = siteStats(outDir);
const writeMs = performance.now() - writeStarted;
const seconds = (performance.now() - started) / 1000;
// A release's key was computed before it wrote the archive, so it would never match again.
if (useCache && !options.release)
  writeRecord(record, {
    format: 1,
    key,
    files: manifest,
    summary: readSummary(loaded.report),
    notices: [...loaded.notices],
    pages: stats.pages,
    charts: loaded.report.charts.length,
    bytes: stats.bytes,
  });

console.log(
  buildSummary(loaded.report, {
    charts: loaded.report.charts.length,
    pages: stats.pages,
    bytes: stats.bytes,
    seconds,
    outDir: shownOut,
    ...(chartCache.enabled ? { fromCache: chartCache.charts().fromCache.size, analysisReused: loaded.analysisReused } : {}),
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
