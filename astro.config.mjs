// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { loadProvider } from './src/config/loadProvider.ts';
import { numberIsolation } from './src/content/isolateNumbersPlugin.ts';
import { tableLabels } from './src/content/tableLabels.ts';

// Stop at once, naming the field, if the provider's details are wrong.
loadProvider();

const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  output: 'static',
  adapter: node({ mode: 'standalone', bodySizeLimit: 64 * 1024 }),
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => !/\/404\/?$/.test(page),
    }),
  ],
  markdown: {
    processor: satteri({ hastPlugins: [tableLabels, numberIsolation] }),
  },
  build: {
    // Inline <style> would need 'unsafe-inline' in the Content-Security-Policy.
    inlineStylesheets: 'never',
  },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // One harmless notice per MDX file about Astro's own head-injection directive.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
