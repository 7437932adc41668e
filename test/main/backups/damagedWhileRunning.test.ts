import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, Method, MethodInput, MethodOutput } from '../../../src/shared/api';
import { createCore, type Core } from '../../../src/main/core';
import { BACKUP_DIR } from '../../../src/main/core/backups/backups';
import { silentLog, type Log } from '../../../src/main/core/infra/log';
import { closeForGood, damageQuietly, fingerprint, pagesOf } from '../../helpers/damagedDb';
import { fakeClock } from '../../helpers/fakeClock';
import { fakeTimers } from '../../helpers/fakeTimers';
import { tempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function call<M extends Method>(
  core: Pick<Core, 'dispatch'>,
  method: M,
  input: MethodInput<M>,
) {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

async function codeOf(core: Pick<Core, 'dispatch'>, method: Method, input: unknown) {
  const r = await core.dispatch(method, input);
  return r.ok ? 'ok' : r.error.code;
}

describe('damage met while running (the start-up check had no reason to look)', () => {
  it('switches to degraded mode at the first damaged read, writes nothing more, and the next start checks', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const dbPath = join(dir.path, 'leadphone.db');
    const healthy = tempCore({ dir: dir.path });
    const ids: string[] = [];
    for (let i = 1; i <= 400; i++) {
      const lead = await call(healthy.core, 'leads.add', {
        name: `Khách ${i}`,
        phone: `0912${String(i).padStart(6, '0')}`,
      });
      ids.push(lead.id);
    }
    const backup = await call(healthy.core, 'backups.create', {});
    const pages = pagesOf(healthy.core.db, 'leads');
    await closeForGood(healthy.core, dbPath);
    damageQuietly(dbPath, pages);

    const said: string[] = [];
    const log: Log = {
      info: (m) => said.push(m),
      warn: (m) => said.push(m),
      error: (m) => said.push(m),
    };
    const clock = fakeClock();
    const timers = fakeTimers(clock);
    const open = () => {
      said.length = 0;
      const core = createCore({ dbPath, clock, timers, log, notify: () => {} });
      cleanups.push(() => core.close());
      return core;
    };
    const core = open();
    expect(said).toContain('integrity check skipped: closed cleanly since');
    // A window, connected before the damage shows.
    const window = core.openSession();
    const events: EventName[] = [];
    window.onEvent((event) => events.push(event));
    expect(await codeOf(window, 'settings.get', {})).toBe('ok');

    // The first read that needs a damaged page: as at a failed start, not "something went wrong".
    expect(await codeOf(window, 'leads.list', { stage: 'new' })).toBe('db_corrupt');
    expect(events).toContain('database.damaged');
    expect(said).toContain('database damaged while running; only backups answer now');
    const list = await call(window, 'backups.list', {});
    expect(list.degraded).toBe(true);
    expect(list.items.map((b) => b.name)).toEqual([backup.name]);

    // No write reaches the file any more, from a call or from the core's own jobs.
    const stopped = fingerprint(dbPath);
    expect(await codeOf(window, 'leads.add', { name: 'Mới', phone: '0987654321' })).toBe(
      'db_corrupt',
    );
    expect(
      await codeOf(window, 'dispositions.save', {
        leadId: ids[0],
        statusCode: 'new.not_interested',
        idempotencyKey: randomUUID(),
      }),
    ).toBe('db_corrupt');
    expect(await codeOf(window, 'settings.update', { language: 'en' })).toBe('db_corrupt');
    expect(await codeOf(core, 'backups.create', {})).toBe('db_corrupt');
    expect(await codeOf(window, 'leads.get', { id: ids[1] })).toBe('db_corrupt');
    timers.advance(2 * 24 * 3_600_000);
    expect(fingerprint(dbPath)).toEqual(stopped);
    expect(readdirSync(join(dir.path, BACKUP_DIR))).toEqual([backup.name]);

    // Closed, the file leaves no clean-close record: the next start reads every page.
    core.close();
    expect(existsSync(`${dbPath}.closed.json`)).toBe(false);
    const next = open();
    expect(said).toContain('database failed its integrity check; starting in degraded mode');
    expect((await call(next, 'backups.list', {})).degraded).toBe(true);
  });

  it('stops writing when the damage is met by a job of its own (the reminder scheduler)', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const dbPath = join(dir.path, 'leadphone.db');
    const clock = fakeClock();
    const healthy = tempCore({ dir: dir.path, clock });
    const lead = await call(healthy.core, 'leads.add', { name: 'Khách', phone: '0912000001' });
    await call(healthy.core, 'dispositions.save', {
      leadId: lead.id,
      statusCode: 'new.not_reachable',
      callbackAt: clock.now() + 3_600_000,
      consentOutsideHours: true,
    });
    const pages = pagesOf(healthy.core.db, 'reminders');
    await closeForGood(healthy.core, dbPath);
    damageQuietly(dbPath, pages);

    const timers = fakeTimers(clock);
    const core = createCore({ dbPath, clock, timers, log: silentLog, notify: () => {} });
    cleanups.push(() => core.close());
    expect(await codeOf(core, 'settings.get', {})).toBe('ok');
    const window = core.openSession();
    const events: EventName[] = [];
    window.onEvent((event) => events.push(event));
    // The callback comes due: the scheduler reads its damaged row, and does not throw.
    timers.advance(2 * 3_600_000);
    expect(events).toEqual(['database.damaged']);
    expect(await codeOf(window, 'settings.get', {})).toBe('db_corrupt');
  });
});
