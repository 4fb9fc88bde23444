import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { Report } from '../analyse/report.ts';
import { formatProblem } from '../load/problems.ts';
import { loadReport } from '../build/loadReport.ts';

const reportModuleId = 'virtual:qualpress/report';
const resolvedReportModuleId = `\0${reportModuleId}`;

/**
 * The build CLI validates and analyses the study before Astro starts, and leaves the
 * report here; Astro loads its config in a separate module graph, so a global is the one
 * way to hand it over without analysing the study twice.
 */
const handOver = Symbol.for('qualpress.report');
type HandOver = { dataDir: string; report: Report };

export function handReportToAstro(dataDir: string, report: Report): void {
  (globalThis as Record<symbol, HandOver | undefined>)[handOver] = { dataDir: resolve(dataDir), report };
}

function currentReport(dataDir: string): Report {
  const handed = (globalThis as Record<symbol, HandOver | undefined>)[handOver];
  if (handed && handed.dataDir === resolve(dataDir)) return handed.report;
  const result = loadReport(dataDir);
  if (!result.ok) throw new Error(`The study package has problems:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.report;
}

export interface QualpressOptions {
  /** The study package folder; `QUALPRESS_DATA` overrides it, as the build CLI does for fixtures. */
  dataDir?: string;
}

/** Serves the analysed study to pages as a virtual module and rebuilds it when data/ changes in dev. */
export default function qualpress(options: QualpressOptions = {}): AstroIntegration {
  const dataDir = resolve(process.env.QUALPRESS_DATA || options.dataDir || 'data');
  return {
    name: 'qualpress',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        const report = currentReport(dataDir);
        const published = new URL(report.study.url);
        updateConfig({
          site: published.origin,
          base: published.pathname,
          vite: { plugins: [reportModule(dataDir, command === 'dev')] },
        });
      },
    },
  };
}

function reportModule(dataDir: string, watch: boolean): Plugin {
  let cached: Report | undefined;
  return {
    name: 'qualpress:report',
    resolveId: (id) => (id === reportModuleId ? resolvedReportModuleId : undefined),
    load(id) {
      if (id !== resolvedReportModuleId) return undefined;
      cached ??= currentReport(dataDir);
      // JSON.parse of a string literal is faster to load than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(cached))});`;
    },
    configureServer(server) {
      if (!watch) return;
      server.watcher.add(dataDir);
      server.watcher.on('all', (_event, path) => {
        if (!resolve(path).startsWith(dataDir)) return;
        cached = undefined;
        (globalThis as Record<symbol, unknown>)[handOver] = undefined;
        const module = server.moduleGraph.getModuleById(resolvedReportModuleId);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
