import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { DB_FILE, resolveDataDir } from '../core/infra/dataDir';
import { consoleLog } from '../core/infra/log';
import { createFileLog, LOG_DIR } from '../core/infra/fileLog';
import { startHost } from './server';

// `npm run host`: the app in a browser, the same core as the desktop app, on 127.0.0.1 only.
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
  });
  const dataDir = resolveDataDir(values['data-dir']);
  const rendererDir = resolve(values['renderer-dir'] ?? join(__dirname, '..', 'renderer'));
  const log = createFileLog({ dir: join(dataDir, LOG_DIR), echo: consoleLog });
  const core = createCore({ dbPath: join(dataDir, DB_FILE), log });
  const host = await startHost({
    core,
    rendererDir,
    port: values.port ? Number(values.port) : 0,
    log,
  });
  console.log(`LeadPhone is running at ${host.url}`);
  console.log(`Data folder: ${dataDir}`);
  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`LeadPhone could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
