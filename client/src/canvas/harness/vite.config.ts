/**
 * Dev harness for the canvas, without the server: `npx vite --config client/src/canvas/harness/vite.config.ts`
 * serves a page that mounts <PipelineCanvas> and the panels over a local Y.Doc loaded with a scene
 * fixture. Browser tests (test/e2e/canvas-*.spec.ts) start it themselves on a free port.
 * Never part of the app build.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [solid()],
  logLevel: 'warn',
  clearScreen: false,
  server: {
    host: '127.0.0.1',
    port: 5180,
    // The harness imports shared/, the app's styles and test/fixtures/scenes from outside its root.
    fs: { allow: [repo] },
  },
  optimizeDeps: {
    include: ['solid-js', 'solid-js/web', 'yjs', 'y-protocols/awareness', 'elkjs/lib/elk.bundled.js'],
  },
});
