#!/usr/bin/env node
// Builds the team server (src/server) into out/server/main.mjs: plain Node, its dependencies
// (pg, fastify) loaded from node_modules.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: { main: join(root, 'src', 'server', 'main.ts') },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  outdir: join(root, 'out', 'server'),
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
