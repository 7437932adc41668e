import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>lab phone</title></head>
<body><script src="/testPhone.js"></script></body></html>`;

/**
 * Bundles testPhone.ts (with sip.js) into one script beside a bare page, in a temp folder.
 * `remove()` deletes it.
 */
export async function buildTestPhone(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'leadphone-testphone-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: __dirname,
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: join(__dirname, 'testPhone.ts'),
        name: 'LabTestPhone',
        formats: ['iife'],
        fileName: () => 'testPhone.js',
      },
    },
  });
  writeFileSync(join(dir, 'index.html'), PAGE);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
