import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../src/server/teamServer';
import { checkServerUrl } from '../../src/shared/team/client';
import { freshDatabase, type TestDatabase } from '../helpers/postgres';
import { tempDir } from '../helpers/tempDir';

describe('the team server over TLS', () => {
  const dir = tempDir('leadphone-tls-');
  let database: TestDatabase;
  let server: TeamServer;
  let ca: Buffer;

  beforeAll(async () => {
    // A self-signed certificate for 127.0.0.1, made here with the machine's openssl.
    const key = join(dir.path, 'key.pem');
    const cert = join(dir.path, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(cert);
    database = await freshDatabase();
    server = await startTeamServer({
      databaseUrl: database.url,
      port: 0,
      https: { key: readFileSync(key), cert: ca },
    });
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
    dir.remove();
  });

  it('serves HTTPS with the given certificate', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.url}/v1/health`, { ca }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(body)).toEqual({ ok: true, protocol: 1 });
  });

  it('is the only way the app talks to a server on another machine', () => {
    expect(checkServerUrl('https://team.example.vn')).toEqual({
      ok: true,
      url: 'https://team.example.vn',
    });
    expect(checkServerUrl('http://192.168.1.20:8750')).toEqual({ ok: false, reason: 'insecure' });
    expect(checkServerUrl('http://127.0.0.1:8750')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8750',
    });
    expect(checkServerUrl('ftp://x')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkServerUrl('https://user:pw@x')).toEqual({ ok: false, reason: 'invalid' });
  });
});
