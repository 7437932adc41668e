import {
  copyFileSync,
  existsSync,
  mkdirSync,
  statSync,
  writeFileSync,
  truncateSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_DIR,
  backupsToPrune,
  KEEP_DAILY,
  KEEP_MANUAL,
  KEEP_WEEKLY,
} from '../../../src/main/core/backups/backups';
import type { BackupInfo } from '../../../src/shared/api/backups';
import { createCore, type Core } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import type { Method, MethodInput, MethodOutput } from '../../../src/shared/api';
import type { ApiError } from '../../../src/shared/errors';
import { closeForGood, damagePages } from '../../helpers/damagedDb';
import { fakeClock } from '../../helpers/fakeClock';
import { fakeTimers } from '../../helpers/fakeTimers';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

const HOUR = 3_600_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function track(t: TempCore): TempCore {
  cleanups.push(() => t.dispose());
  return t;
}

async function call<M extends Method>(core: Core, method: M, input: MethodInput<M>) {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

async function failure(core: Core, method: Method, input: unknown): Promise<ApiError> {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} succeeded`);
  return r.error;
}

const phones = (core: Core) =>
  (
    core.db.prepare('SELECT phone_e164 FROM leads ORDER BY phone_e164').pluck().all() as string[]
  ).map((p) => p.slice(-4));

/** A core straight from createCore (tempCore would write the install's role into the DB). */
function openCore(dir: string) {
  const clock = fakeClock();
  const core = createCore({
    dbPath: join(dir, 'leadphone.db'),
    clock,
    timers: fakeTimers(clock),
    log: silentLog,
    notify: () => {},
  });
  cleanups.push(() => core.close());
  return core;
}

async function addLeads(core: Core, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    await call(core, 'leads.add', {
      name: `Khách ${i}`,
      phone: `0912${String(i).padStart(6, '0')}`,
    });
  }
}

describe('database backups', () => {
  it('round trip: a restore brings back the backup, and what came after is gone', async () => {
    const t = track(tempCore());
    await addLeads(t.core, 1, 2);
    const backup = await call(t.core, 'backups.create', {});
    expect(backup).toMatchObject({
      kind: 'manual',
      name: expect.stringMatching(/^leadphone-.*-manual\.db$/),
    });
    await addLeads(t.core, 3, 1);
    expect(phones(t.core)).toEqual(['0001', '0002', '0003']);

    expect(await call(t.core, 'backups.restore', { name: backup.name })).toEqual({
      name: backup.name,
      restartRequired: true,
    });
    // Nothing changes until the next start.
    expect((await call(t.core, 'backups.list', {})).restorePending).toBe(backup.name);
    expect(phones(t.core)).toEqual(['0001', '0002', '0003']);
    await closeForGood(t.core, t.dbPath);

    const again = track(tempCore({ dir: t.dir }));
    expect(phones(again.core)).toEqual(['0001', '0002']);
    const list = await call(again.core, 'backups.list', {});
    expect(list.restorePending).toBeNull();
    expect(list.degraded).toBe(false);
    // The replaced database is kept, whole, as an undo.
    const undo = list.items.find((b) => b.kind === 'before_restore')!;
    expect(undo).toBeDefined();
    const kept = new Database(join(t.dir, BACKUP_DIR, undo.name), { readonly: true });
    expect(kept.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(3);
    kept.close();
    expect(existsSync(join(t.dir, BACKUP_DIR, `${undo.name}-wal`))).toBe(false);
    // And the app keeps working on the restored file.
    await addLeads(again.core, 4, 1);
    expect(phones(again.core)).toEqual(['0001', '0002', '0004']);
  });

  it('refuses a damaged, truncated, foreign or missing backup, and schedules nothing', async () => {
    const t = track(tempCore());
    await addLeads(t.core, 1, 300);
    const good = await call(t.core, 'backups.create', {});
    const dir = join(t.dir, BACKUP_DIR);

    const damaged = 'leadphone-20261101-020000.db';
    copyFileSync(join(dir, good.name), join(dir, damaged));
    damagePages(join(dir, damaged));
    const truncated = 'leadphone-20261102-020000.db';
    copyFileSync(join(dir, good.name), join(dir, truncated));
    truncateSync(join(dir, truncated), Math.floor(statSync(join(dir, good.name)).size / 2));
    const foreign = 'leadphone-20261103-020000.db';
    writeFileSync(join(dir, foreign), 'not a database at all');
    const empty = 'leadphone-20261104-020000.db';
    new Database(join(dir, empty)).close();

    for (const name of [damaged, truncated, foreign, empty]) {
      const error = await failure(t.core, 'backups.restore', { name });
      expect(error.code, name).toBe('backup_invalid');
    }
    expect(
      (await failure(t.core, 'backups.restore', { name: 'leadphone-20200101-000000.db' })).code,
    ).toBe('not_found');
    for (const name of ['../leadphone.db', '/etc/passwd', 'leadphone.db', `${good.name}/..`]) {
      expect((await failure(t.core, 'backups.restore', { name })).code, name).toBe('invalid_input');
    }
    expect((await call(t.core, 'backups.list', {})).restorePending).toBeNull();

    // Nothing was swapped at the next start.
    await closeForGood(t.core, t.dbPath);
    const again = track(tempCore({ dir: t.dir }));
    expect(again.core.db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(300);
  });

  it('keeps the last 5 manual backups', async () => {
    const t = track(tempCore());
    const made: string[] = [];
    for (let i = 0; i < KEEP_MANUAL + 3; i++) {
      t.clock.advance(HOUR);
      made.push((await call(t.core, 'backups.create', {})).name);
    }
    const { items } = await call(t.core, 'backups.list', {});
    expect(items.map((b) => b.name)).toEqual(made.slice(-KEEP_MANUAL).reverse());
    expect(items.every((b) => b.size > 0)).toBe(true);
  });

  it('manual backups never evict the daily series, nor postpone the next daily one', async () => {
    const t = track(tempCore());
    const list = async () => (await call(t.core, 'backups.list', {})).items;
    t.timers.advance(60_000);
    await vi.waitFor(async () => expect(await list()).toHaveLength(1));
    const [daily] = await list();
    expect(daily!.kind).toBe('daily');

    // Seven manual backups (what used to fill the one rotation of 7) the same day.
    for (let i = 0; i < 7; i++) {
      t.clock.advance(HOUR);
      await call(t.core, 'backups.create', {});
    }
    const after = await list();
    expect(after.filter((b) => b.kind === 'daily').map((b) => b.name)).toEqual([daily!.name]);
    expect(after.filter((b) => b.kind === 'manual')).toHaveLength(KEEP_MANUAL);

    // 24 h after the daily one the next is due, though a manual one is only 17 h old.
    t.timers.advance(24 * HOUR - 7 * HOUR);
    await vi.waitFor(async () =>
      expect((await list()).filter((b) => b.kind === 'daily')).toHaveLength(2),
    );
  });

  it('an agent may list backups but not take them', async () => {
    const t = track(tempCore({ role: 'agent' }));
    const session = t.core.openSession();
    const r = await session.dispatch('backups.create', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await session.dispatch('backups.list', {})).toMatchObject({ ok: true });
    expect(existsSync(join(t.dir, BACKUP_DIR))).toBe(false);
  });

  it('backs up within a minute of start, then once a day', async () => {
    const t = track(tempCore());
    const count = async () => (await call(t.core, 'backups.list', {})).items.length;
    expect(await count()).toBe(0);
    t.timers.advance(60_000);
    await vi.waitFor(async () => expect(await count()).toBe(1));
    t.timers.advance(23 * HOUR);
    await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(1);
    t.timers.advance(HOUR);
    await vi.waitFor(async () => expect(await count()).toBe(2));
    const [newest] = (await call(t.core, 'backups.list', {})).items;
    expect(newest!.kind).toBe('daily');
  });

  it('takes a consistent snapshot while writes go on', async () => {
    const t = track(tempCore());
    await addLeads(t.core, 1, 2000);
    const backup = call(t.core, 'backups.create', {});
    await addLeads(t.core, 5000, 50);
    const { name } = await backup;
    const copy = new Database(join(t.dir, BACKUP_DIR, name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM leads').pluck().get()).toBeGreaterThanOrEqual(2000);
    copy.close();
  });
});

describe('the rotation of daily backups', () => {
  const DAY = 24 * HOUR;
  // Friday 2026-12-04 02:00 UTC and the 59 days before it: one daily backup a day.
  const newest = Date.UTC(2026, 11, 4, 2);
  const daily = (n: number): BackupInfo => ({
    name: `daily-${n}`,
    createdAt: newest - n * DAY,
    kind: 'daily',
    size: 1,
  });

  it('keeps 7 daily and the newest of each of the 4 weeks before them', () => {
    const all = Array.from({ length: 60 }, (_, n) => daily(n));
    const pruned = new Set(backupsToPrune(all).map((b) => b.name));
    const kept = all.filter((b) => !pruned.has(b.name));
    expect(kept.slice(0, KEEP_DAILY).map((b) => b.name)).toEqual(
      all.slice(0, KEEP_DAILY).map((b) => b.name),
    );
    const weekly = kept.slice(KEEP_DAILY);
    expect(weekly).toHaveLength(KEEP_WEEKLY);
    // Each a Sunday (the newest of its Monday–Sunday week), a week apart, before the dailies.
    expect(weekly.map((b) => new Date(b.createdAt).getUTCDay())).toEqual([0, 0, 0, 0]);
    expect(weekly.map((b) => (newest - b.createdAt) / DAY)).toEqual([12, 19, 26, 33]);
  });

  it('leaves manual and before-restore copies to their own limits', () => {
    const manual = Array.from({ length: 9 }, (_, n) => ({
      ...daily(n),
      name: `manual-${n}`,
      kind: 'manual' as const,
    }));
    const pruned = backupsToPrune([...manual, daily(0)]).map((b) => b.name);
    expect(pruned).toEqual(manual.slice(KEEP_MANUAL).map((b) => b.name));
  });
});

describe('the startup integrity check', () => {
  it('starts a damaged database in degraded mode that offers its backups', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const first = track(tempCore({ dir: dir.path })).core;
    await addLeads(first, 1, 400);
    const backup = await call(first, 'backups.create', {});
    await closeForGood(first, join(dir.path, 'leadphone.db'));
    damagePages(join(dir.path, 'leadphone.db'));

    const degraded = openCore(dir.path);
    const error = await failure(degraded, 'leads.list', { stage: 'new' });
    expect(error.code).toBe('db_corrupt');
    expect((await failure(degraded, 'settings.get', {})).code).toBe('db_corrupt');
    expect((await failure(degraded, 'backups.create', {})).code).toBe('db_corrupt');
    expect((await call(degraded, 'app.info', {})).dataDir).toBe(dir.path);
    const list = await call(degraded, 'backups.list', {});
    expect(list.degraded).toBe(true);
    expect(list.items.map((b) => b.name)).toEqual([backup.name]);
    // Through a session too (what the transports use): no PIN can be checked in this state.
    const session = degraded.openSession();
    const restored = await session.dispatch('backups.restore', { name: backup.name });
    expect(restored).toMatchObject({ ok: true });
    degraded.close();

    const healthy = openCore(dir.path);
    expect((await call(healthy, 'backups.list', {})).degraded).toBe(false);
    expect((await call(healthy, 'leads.list', { stage: 'new', limit: 200 })).counts.new).toBe(400);
  });

  it('reads the whole file only when it may have changed: a crash, another writer, a failure, a week', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const dbPath = join(dir.path, 'leadphone.db');
    const clock = fakeClock();
    const said: string[] = [];
    const log = { ...silentLog, info: (message: string) => said.push(message) };
    const open = () => {
      said.length = 0;
      const core = createCore({ dbPath, clock, timers: fakeTimers(clock), log, notify: () => {} });
      cleanups.push(() => core.close());
      return core;
    };
    const CHECKED = 'integrity check passed';
    const SKIPPED = 'integrity check skipped: closed cleanly since';

    const first = open();
    expect(said).toContain(CHECKED);
    await addLeads(first, 1, 50);
    await closeForGood(first, dbPath);

    // Closed cleanly and untouched since: no need to read every page.
    const second = open();
    expect(said).toContain(SKIPPED);
    // A crash: the start took the record and no close wrote a new one.
    const afterCrash = open();
    expect(said).toContain(CHECKED);
    second.close();
    await closeForGood(afterCrash, dbPath);

    // Something else wrote the file after the clean close.
    const other = new Database(dbPath);
    other.prepare("UPDATE leads SET note = 'sửa ngoài app' WHERE rowid = 1").run();
    other.close();
    await closeForGood(open(), dbPath);
    expect(said).toContain(CHECKED);

    // A call failed unexpectedly during the session (it may have met a damaged page).
    const failing = open();
    expect(said).toContain(SKIPPED);
    failing.db.exec(
      "CREATE TEMP TRIGGER boom BEFORE INSERT ON lead_notes BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const leadId = failing.db.prepare('SELECT id FROM leads LIMIT 1').pluck().get() as string;
    const failed = await failing.dispatch('leads.addNote', { id: leadId, text: 'ghi chú' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    await closeForGood(failing, dbPath);
    await closeForGood(open(), dbPath);
    expect(said).toContain(CHECKED);

    // Unchanged, but the last full check is a week old.
    await closeForGood(open(), dbPath);
    expect(said).toContain(SKIPPED);
    clock.advance(8 * 24 * 3_600_000);
    await closeForGood(open(), dbPath);
    expect(said).toContain(CHECKED);
  });

  it('treats a file that is not a database at all the same way', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    mkdirSync(dir.path, { recursive: true });
    writeFileSync(join(dir.path, 'leadphone.db'), Buffer.alloc(8192, 0x41));
    const degraded = openCore(dir.path);
    expect((await failure(degraded, 'leads.list', { stage: 'new' })).code).toBe('db_corrupt');
    expect((await call(degraded, 'backups.list', {})).degraded).toBe(true);
  });
});
