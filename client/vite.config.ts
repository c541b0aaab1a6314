/**
 * Vite build of the SolidJS client. `npm run dev` serves it on :5173 and proxies `/api` and the
 * `/collab` WebSocket to a DominoML server on :3000 (`npm run serve`); `npm run build` writes
 * `dist/client`, which that server serves with an SPA fallback.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { offlineShellOptions } from './src/sync/offline-shell.ts';

const API_TARGET = process.env.DOMINOML_API_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // The service worker precaches the app shell so pipelines opened before also open offline.
  plugins: [solid(), VitePWA(offlineShellOptions)],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/collab': { target: API_TARGET.replace(/^http/, 'ws'), ws: true },
    },
  },
});
