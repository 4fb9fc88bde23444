// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import qualpress from './src/integrations/qualpress.ts';

// `site` and `base` come from `url` in data/study.yaml, set by the qualpress integration.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), qualpress({ dataDir: 'data' })],
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
