// Run by killDuringDispositions.test.ts in a child process: a stream of dispositions through the
// core's dispatcher on one database file, printing `ack <dispositionId>` only after a save has
// returned, until the test kills it with SIGKILL.
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import type { Method } from '../../../src/shared/api';

const [dbPath, seed] = process.argv.slice(2);
const core = createCore({
  dbPath: dbPath!,
  log: silentLog,
  notify: () => {},
  // No reminder timers: this process only ever dies by SIGKILL.
  timers: { setTimeout: () => 0, clearTimeout: () => {}, everyMinute: () => () => {} },
});

let n = Number(seed) * 1_000_000;
const customer = { name: 'Nguyễn Văn A', province: 'Hà Nội' };
const order = { items: [{ productName: 'Liệu trình 1 tháng', quantity: 2, unitPrice: 450_000 }] };

async function call(method: Method, input: unknown) {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

async function main() {
  process.stdout.write('ready\n');
  for (;;) {
    // A fresh lead per round (unique number per child and round), then its whole path:
    // converted to a contact, a no-answer callback, a pending order.
    n++;
    const lead = await call('leads.add', {
      name: `Khách ${n}`,
      phone: `09${String(n % 100_000_000).padStart(8, '0')}`,
    });
    const steps = [
      { statusCode: 'new.converted', customer },
      { statusCode: 'contact.no_answer', note: 'không nghe máy' },
      { statusCode: 'contact.closing_pending', order },
    ];
    for (const step of steps) {
      const saved = await call('dispositions.save', { leadId: lead.id, ...step });
      process.stdout.write(`ack ${String(saved.dispositionId)}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
