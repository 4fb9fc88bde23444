import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { collectScratch } from '../build/collectScratch.ts';
import { loadReport, type LoadedReport } from '../build/loadReport.ts';
import type { SiteReport } from '../build/siteReport.ts';
import { formatProblem } from '../load/problems.ts';

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
function writeGeneratedChapters(dataDir: string, contentDir: string, loaded: LoadedReport): string {
  const key = createHash('sha256').update(`${dataDir}\u0000${contentDir}`).digest('hex').slice(0, 16);
  // Folders of processes that ended without removing theirs (a killed build, a stopped dev server).
  collectScratch(resolve('.qualpress'));
  const folder = resolve('.qualpress', 'generated', `${key}-${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const chapter of loaded.generated) writeFileSync(join(folder, `${chapter.id}.mdx`), chapter.mdx);
  return folder;
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
      'astro:config:setup': ({ updateConfig, command }) => {
        const loaded = currentReport(dataDir, contentDir);
        const report = loaded.report;
        // Read by src/content.config.ts, which Astro loads after this hook.
        process.env.QUALPRESS_GENERATED = writeGeneratedChapters(dataDir, contentDir, loaded);
        const published = new URL(report.study.url);
        updateConfig({
          site: published.origin,
          base: published.pathname,
          vite: { plugins: [reportModule(dataDir, contentDir, command === 'dev')] },
        });
      },
    },
  };
}

function reportModule(dataDir: string, contentDir: string, watch: boolean): Plugin {
  let cached: SiteReport | undefined;
  const watched = [dataDir, join(contentDir, 'charts'), join(contentDir, 'references.bib')];
  return {
    name: 'qualpress:report',
    resolveId: (id) => (id === reportModuleId ? resolvedReportModuleId : undefined),
    load(id) {
      if (id !== resolvedReportModuleId) return undefined;
      cached ??= currentReport(dataDir, contentDir).report;
      // JSON.parse of a string literal is faster to load than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(cached))});`;
    },
    configureServer(server) {
      if (!watch) return;
      server.watcher.add(watched);
      server.watcher.on('all', (_event, path) => {
        if (!watched.some((folder) => resolve(path).startsWith(folder))) return;
        cached = undefined;
        (globalThis as Record<symbol, HandOver | undefined>)[handOver] = undefined;
        const module = server.moduleGraph.getModuleById(resolvedReportModuleId);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
