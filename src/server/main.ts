import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgresCluster, type PostgresCluster } from './embedded/postgresCluster';
import { startTeamServer } from './teamServer';

const usage = `LeadPhone team server

  npm run server -- --database-url postgres://user:pass@host:5432/db   (or DATABASE_URL)
  npm run server -- --embedded --data-dir DIR    a private PostgreSQL in DIR, for a pilot

Options:
  --port N                  the port to listen on (default 8750; 0 picks a free one)
  --host ADDR               the address to listen on (default 127.0.0.1; with TLS 0.0.0.0;
                            an address other than this machine's only with TLS)
  --tls-cert FILE --tls-key FILE   serve HTTPS/WSS; without them only this machine can connect
  --team-name NAME          the team's name, shown in the apps (first start only)
`;

async function main() {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      embedded: { type: 'boolean' },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'team-name': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  let cluster: PostgresCluster | null = null;
  let databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (values.embedded) {
    if (!values['data-dir']) throw new Error('--embedded needs --data-dir DIR.');
    const dir = resolve(values['data-dir']);
    // Run as root, the cluster belongs to `postgres`, who must pass through this folder.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.getuid?.() === 0) chmodSync(dir, 0o711);
    cluster = await startPostgresCluster({ dir: join(dir, 'postgres') });
    databaseUrl = cluster.url;
    console.log(
      `PostgreSQL (embedded) is running in ${cluster.dataDir} on 127.0.0.1:${cluster.port}`,
    );
  }
  if (!databaseUrl) throw new Error(`Say which database to use.\n\n${usage}`);

  const tls =
    values['tls-cert'] && values['tls-key']
      ? { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']) }
      : undefined;
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    throw new Error('--tls-cert and --tls-key go together.');
  }
  const host = values.host ?? (tls ? '0.0.0.0' : '127.0.0.1');
  if (!tls && !['127.0.0.1', '::1', 'localhost'].includes(host)) {
    throw new Error(
      'Without --tls-cert/--tls-key the server listens on this machine only (127.0.0.1).',
    );
  }
  const server = await startTeamServer({
    databaseUrl,
    host,
    port: values.port !== undefined ? Number(values.port) : 8750,
    ...(tls ? { https: tls } : {}),
    ...(values['team-name'] ? { teamName: values['team-name'] } : {}),
    logError: (message, err) =>
      console.error(
        `${new Date().toISOString()} ${message}: ${err instanceof Error ? err.message : String(err)}`,
      ),
  });
  if (server.bootstrap) {
    console.log(
      `\nFirst admin's enrolment code (one use, until ${new Date(server.bootstrap.expiresAt).toISOString()}):\n\n    ${server.bootstrap.shown}\n\nEnter it in LeadPhone: Quản trị → Máy chủ nhóm (Admin → Team server).`,
    );
  }
  if (!tls)
    console.log('No TLS: only apps on this machine can connect (add --tls-cert and --tls-key).');
  // Last, so whoever waits for this line has everything above it.
  console.log(`LeadPhone team server is listening at ${server.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Requests in flight get a few seconds; a stuck one does not keep the process alive.
    setTimeout(() => {
      console.error('LeadPhone server: stopping took too long; exiting.');
      process.exit(1);
    }, 5000).unref();
    void server
      .close()
      .then(() => cluster?.stop())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(
    `LeadPhone server could not start: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
