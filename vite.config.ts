import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';

// The client lives in client/; the server serves client/dist in production.
// In development, API and websocket calls go to a server on :8080.
const backend = process.env.BODEM_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/yjs': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
});
