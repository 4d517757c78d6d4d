import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The client lives in client/; the server serves client/dist in production.
// In development, API and websocket calls go to a server on :8080.
const backend = process.env.BODEM_BACKEND ?? 'http://localhost:8080';

/**
 * Names this build in index.html (`<meta name="bodem-build">`). Left unset,
 * the same sources give the same bytes; a deploy may set BODEM_BUILD_ID
 * (a commit, a date) to mark its build, as the e2e test of updates does.
 */
const buildId = (): Plugin => ({
  name: 'bodem-build-id',
  transformIndexHtml: () =>
    process.env.BODEM_BUILD_ID ? [{ tag: 'meta', attrs: { name: 'bodem-build', content: process.env.BODEM_BUILD_ID }, injectTo: 'head' }] : [],
});

/**
 * The note font (latin, regular and bold) is asked for by index.html itself,
 * beside the entry's code: otherwise the browser finds it only once the CSS
 * has arrived and a text needs it, a round trip later, and the board (which
 * waits for it, client/src/fonts.ts) with it.
 */
const preloadFonts = (): Plugin => ({
  name: 'bodem-preload-fonts',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, ctx) =>
      Object.keys(ctx.bundle ?? {})
        .filter((f) => /atkinson-hyperlegible-latin-(400|700)-normal-[\w-]+\.woff2$/.test(f))
        .sort()
        .map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `/${f}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        })),
  },
});

/**
 * The service worker and its Workbox runtime are written after the bundle
 * (vite-plugin-pwa's closeBundle), too late for the compression plugin:
 * their brotli and gzip copies are made here, once they exist.
 */
const compressWorker = (): Plugin => {
  let outDir = '';
  return {
    name: 'bodem-compress-worker',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        for (const name of readdirSync(outDir).filter((f) => /^(sw|workbox-[\w-]+)\.js$/.test(f))) {
          const bytes = readFileSync(join(outDir, name));
          writeFileSync(join(outDir, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          writeFileSync(join(outDir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
        }
      },
    },
  };
};

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    buildId(),
    preloadFonts(),
    // An installable app whose shell opens without network (the meeting
    // itself comes from IndexedDB). The service worker precaches the HTML
    // and what every page needs; it never touches the API or the websocket.
    // A new deployment waits until the person taps "Nieuwe versie —
    // herladen" (client/src/pwa/UpdatePrompt.tsx); nothing reloads by itself.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The icons are fetched by the browser when it installs the app; a tablet
      // that only takes part never needs them, so they are not precached.
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        name: 'Bodem — samen posters maken',
        short_name: 'Bodem',
        description: 'Samen posters maken tijdens de bijeenkomst.',
        lang: 'nl',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f3f1ea',
        theme_color: '#f3f1ea',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The shell and every page's code. Left out: the report's exporter
        // (jsPDF) and its TrueType fonts, which only a facilitator loads, and
        // the .woff copies of fonts every browser here reads as .woff2.
        globPatterns: ['**/*.{js,css,html,woff2}'],
        // The latin-ext fonts (ı, ş, ł in names) come when a page first needs them and are kept then.
        globIgnores: ['**/exporter-*.js', '**/reportJobs-*.js', '**/reportWorker-*.js', '**/notBundled-*.js', '**/*.map', '**/*latin-ext*'],
        // Hashed names are their own revision: no cache-busting query on them.
        dontCacheBustURLsMatching: /^assets\//,
        // /m/<id>, /join?code=... opened offline: the app's HTML from the cache.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/yjs/, /^\/healthz/],
        cleanupOutdatedCaches: true,
        // The first worker takes charge of the open page at once (same build,
        // nothing changes), so a later version's tap on "herladen" reloads it.
        clientsClaim: true,
        sourcemap: false,
        runtimeCaching: [
          {
            // What is left out of the precache (the exporter, the report's
            // fonts) is kept once used, so an export works offline later.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'bodem-assets', expiration: { maxEntries: 40 } },
          },
        ],
      },
    }),
    // Brotli and gzip next to every text asset at build time (the server sends
    // them as they are, server/src/http/static.ts): no compression per request,
    // and brotli at its best level. The report's TrueType fonts compress too.
    compression({
      include: /\.(html|css|js|mjs|json|svg|ttf|webmanifest|txt)$/,
      exclude: /\.map$/,
      threshold: 1024,
      algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })],
      logLevel: 'silent',
    }),
    compressWorker(),
  ],
  resolve: {
    // jsPDF's optional helpers for doc.html() and SVG: the report uses neither.
    alias: [
      ...['html2canvas', 'dompurify', 'canvg'].map((m) => ({ find: m, replacement: fileURLToPath(new URL('./client/src/report/notBundled.ts', import.meta.url)) })),
      // Konva's core and the shapes Bodem draws, not all of Konva (client/src/board/konvaCore.ts).
      { find: /^konva$/, replacement: fileURLToPath(new URL('./client/src/board/konvaCore.ts', import.meta.url)) },
      { find: /^react-konva$/, replacement: fileURLToPath(new URL('./client/src/board/reactKonvaCore.ts', import.meta.url)) },
    ],
  },
  // The report's worker (client/src/report/reportWorker.ts) is a module: jsPDF's optional imports split it.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The join page takes a few helpers from @bodem/shared (the join code, the
      // sides, a token's claims); Yjs comes with the board. Yjs, lib0 and
      // shared/src do nothing when imported that a page would miss, so what a
      // page does not use of them is left out of its chunk.
      treeshake: {
        moduleSideEffects: [
          { test: /node_modules\/\.pnpm\/(yjs|lib0)@/, sideEffects: false },
          { test: /\/shared\/src\//, sideEffects: false },
        ],
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/yjs': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
});
