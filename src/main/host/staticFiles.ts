import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

/**
 * Reads a file of the built renderer; undefined for anything outside it or missing.
 * `relativePath` is already decoded (requestPath.ts): decoding it again here would turn
 * `%2569ndex.html` into the page behind the token gate's back.
 */
export async function readRendererFile(
  root: string,
  relativePath: string,
): Promise<{ body: Buffer; type: string } | undefined> {
  const base = resolve(root);
  const full = resolve(base, relativePath);
  // Kept although requestPath.ts already refuses dot segments: the file system is the last word.
  if (full === base || !full.startsWith(base + sep)) return undefined;
  try {
    const body = await readFile(full);
    return { body, type: types[extname(full).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
