import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Method, MethodInput, MethodOutput } from '../../../src/shared/api';
import type { Core } from '../../../src/main/core';
import { tempCore, type TempCore } from '../../helpers/tempCore';

const cores: TempCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.dispose();
});

async function call<M extends Method>(core: Core, method: M, input: MethodInput<M>) {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

/**
 * Another connection to the same file (the import worker has one) takes the write lock, writes,
 * and holds it for `holdMs` before committing. Resolves once the lock is held.
 */
function holdWriteLock(
  dbPath: string,
  holdMs: number,
): { held: Promise<void>; done: Promise<void> } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    const db = new Database(workerData.dbPath);
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE settings SET value = value WHERE key = (SELECT key FROM settings LIMIT 1)").run();
    parentPort.postMessage('held');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();
    `,
    { eval: true, workerData: { dbPath, holdMs, module: require.resolve('better-sqlite3') } },
  );
  const held = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    worker.once('error', reject);
  });
  return { held, done };
}

describe('writes while another connection holds the write lock', () => {
  it('wait for the lock instead of failing with SQLITE_BUSY (an outcome saved during an import)', async () => {
    const t = tempCore();
    cores.push(t);
    const lead = await call(t.core, 'leads.add', { name: 'Chị Lan', phone: '0912345678' });
    const other = await call(t.core, 'leads.add', { name: 'Anh Minh', phone: '0912345679' });

    const lock = holdWriteLock(t.dbPath, 300);
    await lock.held;
    // Each of these reads before it writes: a deferred transaction that began reading cannot
    // wait for the lock (SQLite returns SQLITE_BUSY at once), an immediate one waits.
    const saved = await t.core.dispatch('dispositions.save', {
      leadId: lead.id,
      statusCode: 'new.not_interested',
    });
    expect(saved).toMatchObject({ ok: true });
    await lock.done;

    const again = holdWriteLock(t.dbPath, 300);
    await again.held;
    const noted = await t.core.dispatch('leads.update', { id: other.id, note: 'gọi lại sau' });
    expect(noted).toMatchObject({ ok: true });
    await again.done;

    expect((await call(t.core, 'leads.get', { id: lead.id })).lastOutcome).toBe(
      'new.not_interested',
    );
    expect((await call(t.core, 'leads.get', { id: other.id })).note).toBe('gọi lại sau');
  });
});
