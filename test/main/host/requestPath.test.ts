import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/infra/log';
import { readRequestTarget } from '../../../src/main/host/requestPath';
import { startHost, type Host } from '../../../src/main/host/server';
import { tempCore, type TempCore } from '../../helpers/tempCore';

/** GETs a request target exactly as written (fetch would normalise it first). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PAGE = '<!doctype html><div id="root"></div>';

describe('the page behind the token, whatever the encoding of its path', () => {
  let t: TempCore;
  let host: Host;

  beforeEach(async () => {
    t = tempCore();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), PAGE);
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(t.dir, 'secret.txt'), 'not for the browser');
    host = await startHost({ core: t.core, rendererDir, log: silentLog });
  });
  afterEach(async () => {
    await host.close();
    t.dispose();
  });

  it('refuses the page without the token however its name is spelled', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/%69ndex.html',
      '/%69%6E%64%65%78.%68%74%6D%6C',
      '/INDEX.HTML',
      '/Index.Htm',
    ]) {
      const r = await get(host.port, path);
      expect(r.status, path).toBe(403);
      expect(r.body, path).not.toContain('id="root"');
    }
  });

  it('refuses encoded separators, NUL, dot segments and aliases before anything is served', async () => {
    for (const path of [
      '/%2Findex.html',
      '/%2findex.html',
      '/%5Cindex.html',
      '/assets%2F..%2Findex.html',
      '/index.html%00',
      '/index.html%00.js',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/index.html.',
      '/index.html%20',
      '/index.html::$DATA',
      '//index.html',
      '/assets//app.js',
      '/%E0%A4%A',
      'http://[',
    ]) {
      const r = await get(host.port, path);
      expect(r.status, path).toBe(400);
      expect(r.body, path).not.toContain('id="root"');
      expect(r.body, path).not.toContain('not for the browser');
    }
  });

  it('does not decode twice: %2569 is a literal "%69", not an "i"', async () => {
    const r = await get(host.port, '/%2569ndex.html');
    expect(r.status).not.toBe(200);
    expect(r.body).not.toContain('id="root"');
  });

  it('with the token the page still opens, also through a harmless encoding', async () => {
    const q = `?token=${host.token}`;
    for (const path of [`/${q}`, `/index.html${q}`, `/%69ndex.html${q}`]) {
      const r = await get(host.port, path);
      expect(r.status, path).toBe(200);
      expect(r.body, path).toBe(PAGE);
    }
    expect((await get(host.port, `/%2Findex.html${q}`)).status).toBe(400);
    // The renderer's other files need no token.
    expect(await get(host.port, '/assets/app.js')).toEqual({ status: 200, body: 'export {};' });
    expect((await get(host.port, '/assets/%61pp.js')).status).toBe(200);
  });
});

describe('readRequestTarget', () => {
  it('decodes each segment once and keeps the token', () => {
    expect(readRequestTarget('/%69ndex.html?token=a%2Bb')).toEqual({
      path: 'index.html',
      token: 'a+b',
    });
    expect(readRequestTarget('/')).toEqual({ path: '', token: null });
    expect(readRequestTarget('/assets/T%E1%BB%87p.js')).toEqual({
      path: 'assets/Tệp.js',
      token: null,
    });
  });

  it('refuses what only an encoding could say', () => {
    for (const raw of [
      undefined,
      '',
      '*',
      'index.html',
      '/%2F',
      '/a%5Cb',
      '/a%00',
      '/a/%2e%2e',
      '/a/..',
      '/a/./b',
      '/a#b',
      '/%zz',
      '/a:b',
      '/a%0Ab',
    ]) {
      expect(readRequestTarget(raw), String(raw)).toBeUndefined();
    }
  });
});
