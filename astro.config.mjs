// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import qualpress from './src/integrations/qualpress.ts';
import remarkCitations from './src/chapters/remarkCitations.ts';

// `site` and `base` come from `url` in data/study.yaml, set by the qualpress integration.
export default defineConfig({
  output: 'static',
  // Chapters go through remark so that `[@key]` citations become <Cite> components.
  // No syntax highlighting: Shiki colours code with `style` attributes, which the pages'
  // Content-Security-Policy forbids, and loading it costs every build time (docs/performance.md).
  markdown: { processor: unified({ remarkPlugins: [remarkCitations] }), syntaxHighlight: false },
  trailingSlash: 'always',
  // Pages render four at a time so that chart PNGs, rasterised on the thread pool,
  // overlap with writing HTML on the main thread.
  // Stylesheets always as files, never inlined: the print stylesheet is then linked from
  // every page, and a Content-Security-Policy needs no 'unsafe-inline' for styles.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [
    mdx(),
    qualpress({ dataDir: 'data' }),
    // dist/sitemap-index.xml: the report's pages under the base path. Embed pages (a chart
    // alone for other sites' iframes) and the search page are not pages to find; the 404
    // page is left out by the integration itself.
    // Versions of charts are listed by the build from the release archive (src/build/publishArchive.ts),
    // without the pages that only point to an identical earlier version.
    sitemap({ filter: (page) => !/\/embed\/$/.test(page) && !/\/search\/$/.test(page) && !/\/charts\/[^/]+\/\d+\.\d+\.\d+\/$/.test(page) }),
  ],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // Astro's own MDX glue triggers this bundler notice on every chapter; it is not actionable here.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
