import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { collectScratch } from '../build/collectScratch.ts';
import { loadReport, type LoadedReport, type ReportResult } from '../build/loadReport.ts';
import { problemCount, problemLines } from '../build/printProblems.ts';
import type { SiteReport } from '../model/siteReport.ts';
import type { GeneratedChapter } from '../model/chapterPlan.ts';
import { parseYaml } from '../load/parseYaml.ts';
import { formatProblem } from '../problems/problem.ts';
import { studyConfig } from '../schemas/study.ts';
import { problemPage } from './problemPage.ts';

const reportModuleId = 'virtual:qualpress/report';
const resolvedReportModuleId = `\0${reportModuleId}`;

/**
 * The build CLI validates and analyses the study before Astro starts, and leaves the
 * report here; Astro loads its config in a separate module graph, so a global is the one
 * way to hand it over without analysing the study twice.
 */
const handOver = Symbol.for('qualpress.report');
type HandOver = { dataDir: string; contentDir: string; loaded: LoadedReport };
const handed = () => (globalThis as Record<symbol, HandOver | undefined>)[handOver];

export function handReportToAstro(dataDir: string, contentDir: string, loaded: LoadedReport): void {
  (globalThis as Record<symbol, HandOver | undefined>)[handOver] = { dataDir: resolve(dataDir), contentDir: resolve(contentDir), loaded };
}

/** The report for `astro build` (the CLI hands it over, checked): a problem stops the build. */
function currentReport(dataDir: string, contentDir: string): LoadedReport {
  const given = handed();
  if (given && given.dataDir === dataDir && given.contentDir === contentDir) return given.loaded;
  const result = loadReport(dataDir, contentDir);
  if (!result.ok) throw new Error(`The study package has problems:\n${result.problems.map(formatProblem).join('\n')}`);
  handReportToAstro(dataDir, contentDir, result);
  return result;
}

/**
 * Generated chapters are written as MDX files for Astro's content collection, in a folder
 * of their own per study and per process, so that builds running side by side (of the same
 * study or not) never see each other's files.
 */
function generatedFolder(dataDir: string, contentDir: string): string {
  const key = createHash('sha256').update(`${dataDir}\u0000${contentDir}`).digest('hex').slice(0, 16);
  // Folders of processes that ended without removing theirs (a killed build, a stopped dev server).
  collectScratch(resolve('.qualpress'));
  const folder = resolve('.qualpress', 'generated', `${key}-${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Make the folder hold exactly these chapters. A file whose text is unchanged is not
 * rewritten, so that in dev Astro's content watcher reloads only the chapters that changed.
 */
function writeGeneratedChapters(folder: string, chapters: readonly GeneratedChapter[]): void {
  const wanted = new Map(chapters.map((chapter) => [`${chapter.id}.mdx`, chapter.mdx]));
  for (const name of readdirSync(folder)) if (!wanted.has(name)) rmSync(join(folder, name), { force: true });
  for (const [name, mdx] of wanted) {
    const path = join(folder, name);
    let written: string | undefined;
    try {
      written = readFileSync(path, 'utf8');
    } catch {
      written = undefined;
    }
    if (written !== mdx) writeFileSync(path, mdx);
  }
}

export interface QualpressOptions {
  /** The study package folder; `QUALPRESS_DATA` overrides it, as the build CLI does for fixtures. */
  dataDir?: string;
  /** Chapters and chart definitions; `QUALPRESS_CONTENT` overrides it. */
  contentDir?: string;
}

/** Serves the analysed study to pages as a virtual module, and rebuilds it when data change in dev. */
export default function qualpress(options: QualpressOptions = {}): AstroIntegration {
  const dataDir = resolve(process.env.QUALPRESS_DATA || options.dataDir || 'data');
  const contentDir = resolve(process.env.QUALPRESS_CONTENT || options.contentDir || 'content');
  return {
    name: 'qualpress',
    hooks: {
      'astro:config:setup': ({ updateConfig, command, addWatchFile, logger, config }) => {
        if (command === 'dev') {
          const session = devSession(dataDir, contentDir, logger);
          // study.yaml holds the published address, which sets `site` and `base`: a change
          // restarts the dev server, which runs this hook again.
          addWatchFile(join(dataDir, 'study.yaml'));
          const published = session.publishedUrl();
          updateConfig({
            ...(published ? { site: published.origin, base: published.pathname } : {}),
            vite: { plugins: [session.plugin], server: { watch: { ignored: [builtFiles(fileURLToPath(config.outDir))] } } },
          });
          return;
        }
        const loaded = currentReport(dataDir, contentDir);
        const folder = generatedFolder(dataDir, contentDir);
        writeGeneratedChapters(folder, loaded.generated);
        // Read by src/content.config.ts, which Astro loads after this hook.
        process.env.QUALPRESS_GENERATED = folder;
        const published = new URL(loaded.report.study.url);
        updateConfig({
          site: published.origin,
          base: published.pathname,
          vite: { plugins: [builtReportModule(loaded.report), noPrebundling()] },
        });
      },
    },
  };
}

/**
 * What a build of the same checkout writes while a dev server runs: its staged site and
 * Astro's cache under `.qualpress/`, the site it publishes into `outDir`, and the site it
 * replaces there, moved aside to `<outDir>.previous-PID` and removed (build/replaceDist.ts).
 * The dev server's watcher sent the open page a full reload for every HTML file of them (40
 * for a small study in a build); it need not see them. The generated chapters under
 * `.qualpress/generated/` stay watched: they are the dev server's own.
 */
function builtFiles(outDir: string): (path: string) => boolean {
  const scratch = /[\\/]\.qualpress[\\/](?:build-\d+|cache-\d+|cache)(?:[\\/]|$)/;
  const out = resolve(outDir);
  const replaced = new RegExp(`^${escapeRegExp(out)}(?:\\.previous-\\d+)?(?:[\\\\/]|$)`);
  return (path) => scratch.test(path) || replaced.test(resolve(path));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A static build bundles every page itself: Vite's pre-bundling of dependencies, which only
 * speeds up a dev server's page loads, is work thrown away in the dev server Astro starts to
 * read the content collections during a build.
 */
function noPrebundling(): Plugin {
  return {
    name: 'qualpress:no-prebundling',
    configEnvironment(_name, options) {
      options.optimizeDeps = { ...options.optimizeDeps, include: [], noDiscovery: true };
    },
  };
}

/**
 * The virtual module that gives pages the report, in a build. Astro renders the pages in this
 * process, so the module hands them the report object itself (on globalThis, like the chart
 * cache) rather than a copy written into the bundle as JSON: a big study's report is then
 * neither bundled, parsed again nor held twice (docs/performance.md).
 */
function builtReportModule(report: SiteReport): Plugin {
  (globalThis as Record<symbol, SiteReport | undefined>)[builtReportHandle] = report;
  return {
    name: 'qualpress:report',
    resolveId: (id) => (id === reportModuleId ? resolvedReportModuleId : undefined),
    load: (id) =>
      id === resolvedReportModuleId
        ? `export default globalThis[Symbol.for(${JSON.stringify(builtReportHandle.description)})];`
        : undefined,
  };
}
const builtReportHandle = Symbol.for('qualpress.builtReport');

/** The virtual module that gives pages the report in `astro dev`, written anew when the data change. */
function reportModule(report: () => SiteReport): Plugin {
  return {
    name: 'qualpress:report',
    resolveId: (id) => (id === reportModuleId ? resolvedReportModuleId : undefined),
    load(id) {
      if (id !== resolvedReportModuleId) return undefined;
      // JSON.parse of a string literal is faster to load than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(report()))});`;
    },
  };
}

/**
 * `npm run dev`. A problem in the study package never stops the server or reaches Astro's
 * error overlay with qualpress's own stack: the problems are printed in the terminal, once
 * per change, and every page answers with the list (src/integrations/problemPage.ts) until
 * a change fixes them; then the browser reloads to the report.
 */
function devSession(dataDir: string, contentDir: string, logger: AstroIntegrationLogger) {
  const folder = generatedFolder(dataDir, contentDir);
  process.env.QUALPRESS_GENERATED = folder;
  let result: ReportResult = { ok: false, problems: [] };

  function load(): void {
    const before = result;
    result = loadReport(dataDir, contentDir);
    if (result.ok) {
      writeGeneratedChapters(folder, result.generated);
      if (!before.ok && before.problems.length > 0) logger.info('The study package has no problems any more: the report is back.');
    } else {
      console.error(
        `${problemLines(result.problems).join('\n')}\n\n${problemCount(result.problems)}. Every page shows them until they are fixed.`,
      );
    }
  }
  load();

  const watched = [dataDir, contentDir];
  const plugin: Plugin = {
    ...reportModule(() => {
      if (result.ok) return result.report;
      // Pages are answered with the problem list before they load the report; this is a backstop.
      throw new Error(problemLines(result.problems).join('\n'));
    }),
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (result.ok || !isPageRequest(request, server.config.publicDir)) return next();
        const lines = problemLines(result.problems);
        response.statusCode = 500;
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        response.end(
          request.method === 'HEAD' ? undefined : problemPage(lines, problemCount(result.problems), `${server.config.base}@vite/client`),
        );
      });
      server.watcher.add(watched);
      // One reload for the burst of events a save can make (an editor's rename and write).
      let pending: ReturnType<typeof setTimeout> | undefined;
      server.watcher.on('all', (_event, path) => {
        const changed = resolve(path);
        if (!watched.some((root) => changed === root || changed.startsWith(root + sep))) return;
        // A change of study.yaml restarts the server (addWatchFile above), which loads it again.
        if (changed === join(dataDir, 'study.yaml')) return;
        clearTimeout(pending);
        pending = setTimeout(() => reload(server), 100);
      });
      server.httpServer?.once('close', () => clearTimeout(pending));
    },
  };

  function reload(server: ViteDevServer): void {
    try {
      load();
    } catch (error) {
      // A fault of qualpress, not of the study: said once, and the server keeps running.
      logger.error(`Could not reload the study: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const environment of Object.values(server.environments)) {
      const module = environment.moduleGraph.getModuleById(resolvedReportModuleId);
      if (module) environment.moduleGraph.invalidateModule(module);
    }
    server.ws.send({ type: 'full-reload' });
  }

  return {
    plugin,
    /** Where the study is published, for `site` and `base`; from study.yaml alone when the rest has problems. */
    publishedUrl(): URL | undefined {
      if (result.ok) return new URL(result.report.study.url);
      return publishedUrlOf(dataDir);
    },
  };
}

/** `url` of study.yaml when it is readable and valid, whatever else is wrong. */
function publishedUrlOf(dataDir: string): URL | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'study.yaml'), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseYaml(text, 'study.yaml');
  const value = parsed.ok ? (parsed.file.value as { url?: unknown } | null) : undefined;
  const url = studyConfig.shape.url.safeParse(value?.url);
  return url.success ? new URL(url.data) : undefined;
}

/**
 * A request for a page of the report, to answer with the problem list: not one of Vite's
 * own (its client, modules, dependencies) and not a file of public/, which the data do not
 * change. Astro has already taken the base path off the address.
 */
function isPageRequest(request: IncomingMessage, publicDir: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  let path: string;
  try {
    path = decodeURI(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    return false;
  }
  if (/^\/(?:@|__|node_modules\/|src\/)/.test(path) || path.includes('/node_modules/')) return false;
  if (publicDir === '' || path.endsWith('/') || path.split('/').includes('..')) return true;
  try {
    return !statSync(join(publicDir, path)).isFile();
  } catch {
    return true;
  }
}
