import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The client lives in client/; the server serves client/dist in production.
// In development, API and websocket calls go to a server on :8080.
const backend = process.env.BODEM_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: {
    // jsPDF's optional helpers for doc.html() and SVG: the report uses neither.
    alias: Object.fromEntries(['html2canvas', 'dompurify', 'canvg'].map((m) => [m, fileURLToPath(new URL('./client/src/report/notBundled.ts', import.meta.url))])),
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
