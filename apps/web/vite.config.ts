// Vite config of the web app. `vite build --config apps/web/vite.config.ts` (run by `npm start`) writes
// dist/apps/web, which the API serves at / with the SPA fallback. `vite --config apps/web/vite.config.ts`
// serves it for development and proxies /api to the API (VITE_API_URL, default http://127.0.0.1:3000).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = dirname(fileURLToPath(import.meta.url));
const workspace = resolve(here, '../..');

export default defineConfig({
  root: here,
  base: '/',
  // .br and .gz beside every script and style sheet: the API serves them to browsers that accept them
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/ })],
  resolve: {
    alias: { '@campaign-month/contracts': resolve(workspace, 'libs/contracts/src/index.ts') },
  },
  build: {
    outDir: resolve(workspace, 'dist/apps/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The chart library is one chunk, loaded by the pages that draw charts. Ant Design is left to the
        // bundler's own splitting: one group would make the log-in page load every component.
        codeSplitting: {
          groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ }],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: process.env.VITE_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: process.env.VITE_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
