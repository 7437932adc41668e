import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // index runs inside Electron; host runs in plain Node and must never import electron.
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          host: resolve(__dirname, 'src/main/host/cli.ts'),
          // Lead imports run in a worker thread (core/intake/importInWorker.ts).
          importWorker: resolve(__dirname, 'src/main/core/intake/importWorker.ts'),
          // The national do-not-call register too (core/compliance/registerInWorker.ts).
          dncWorker: resolve(__dirname, 'src/main/core/compliance/registerWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src/main/electron/preload.ts') },
        // A sandboxed preload can only be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
    plugins: [react()],
  },
});
