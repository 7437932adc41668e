// Run by killBeforeReply.test.ts in a child process: batches of saves in flight at once, each
// with its idempotency key. Before a call it prints `send <key> <method> <input as JSON>`, after
// it returned `ack <key> <id>`, until the test kills it with SIGKILL — so some saves commit and
// are never acknowledged, as when a window loses the reply.
import { randomUUID } from 'node:crypto';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import type { Method } from '../../../src/shared/api';

const [dbPath, seed] = process.argv.slice(2);
const core = createCore({
  dbPath: dbPath!,
  log: silentLog,
  notify: () => {},
  timers: { setTimeout: () => 0, clearTimeout: () => {}, everyMinute: () => () => {} },
});

const BATCH = 8;
let n = Number(seed) * 1_000_000;

async function call(method: Method, input: Record<string, unknown>): Promise<string> {
  const key = randomUUID();
  const keyed = { ...input, idempotencyKey: key };
  process.stdout.write(`send ${key} ${method} ${JSON.stringify(keyed)}\n`);
  const result = await core.dispatch(method, keyed);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  const value = result.value as { id?: string; dispositionId?: string };
  const id = value.dispositionId ?? value.id ?? '';
  process.stdout.write(`ack ${key} ${id}\n`);
  return id;
}

async function main() {
  process.stdout.write('ready\n');
  for (;;) {
    const leads = await Promise.all(
      Array.from({ length: BATCH }, () => {
        n++;
        return call('leads.add', {
          name: `Khách ${n}`,
          phone: `09${String(n % 100_000_000).padStart(8, '0')}`,
        });
      }),
    );
    // All of a batch's saves commit one after another before any reply goes out.
    await Promise.all(
      leads.map((leadId) =>
        call('dispositions.save', { leadId, statusCode: 'new.not_interested', note: 'không' }),
      ),
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
