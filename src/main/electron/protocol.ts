import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { readRequestTarget } from '../host/requestPath';
import { readRendererFile } from '../host/staticFiles';

/** Must run before the app is ready. app:// instead of file:// gives the renderer a real origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'leadphone') return new Response('Not found', { status: 404 });
    // The same one decoding as the host: readRendererFile takes a decoded, relative path.
    const target = readRequestTarget(url.pathname);
    if (!target) return new Response('Bad request', { status: 400 });
    const file = await readRendererFile(rendererDir, target.path || 'index.html');
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
}
