import { defineConfig } from 'vite';
import path from 'node:path';
import { campoServiceWorker } from './src/campo/precache-plugin.ts';
import { buildInputs } from './build-inputs-plugin.ts';

const api = process.env.SIT_API_URL ?? 'http://127.0.0.1:3000';
/** Paths the SIT server answers; the dev server forwards them so the client runs against a live API. */
const apiPaths = [
  ...['/collections', '/tiles', '/tileMatrixSets', '/conformance', '/api', '/health', '/plan', '/buscar', '/analysis'],
  ...['/reportes', '/exportar', '/auth', '/usuarios', '/auditoria', '/microbasurales'],
  // The field app's API; /campo itself is the page Vite serves.
  '/campo/',
];

export default defineConfig({
  root: path.dirname(new URL(import.meta.url).pathname),
  worker: { format: 'es' },
  plugins: [campoServiceWorker(), buildInputs(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..'))],
  build: {
    outDir: '../dist/client',
    rollupOptions: {
      input: {
        index: path.join(path.dirname(new URL(import.meta.url).pathname), 'index.html'),
        campo: path.join(path.dirname(new URL(import.meta.url).pathname), 'campo.html'),
      },
    },
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((prefix) => [prefix, { target: api, changeOrigin: false, xfwd: true }])),
  },
});
