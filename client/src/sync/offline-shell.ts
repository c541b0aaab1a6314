/**
 * Build-time options of the offline app shell (vite-plugin-pwa, read by client/vite.config.ts).
 * The generated service worker precaches the built app (HTML, JS, CSS, icons) so a pipeline that
 * was opened before loads with no network, also after a browser restart; the document itself
 * comes from IndexedDB (local-store.ts). API calls and the sync socket always go to the network.
 *
 * Service workers need a secure context: https, or http://127.0.0.1 / localhost.
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';

export const offlineShellOptions: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  // A tiny registerSW.js script added to index.html registers the worker once the page has loaded.
  injectRegister: 'script',
  registerType: 'autoUpdate',
  // Not an installable app (yet): no web manifest, only the offline cache.
  manifest: false,
  workbox: {
    // Source maps are large and never needed offline.
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
    // Client-side routes (/p/:id, /login, …) are all the app shell.
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/collab/],
    cleanupOutdatedCaches: true,
    // A new build takes over at once; every chunk the old one could still need lazily is in the
    // old precache until then, and the page reloads into the new one on the next navigation.
    skipWaiting: true,
    clientsClaim: true,
  },
};
