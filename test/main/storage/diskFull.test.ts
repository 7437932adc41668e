import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../../src/shared/api/storage';
import type { Method, MethodInput, MethodOutput } from '../../../src/shared/api';
import type { ApiError } from '../../../src/shared/errors';
import { createCore, SECRET_KEY_FILE, type Core } from '../../../src/main/core';
import { createFileLog, LOG_FILE } from '../../../src/main/core/infra/fileLog';
import { silentLog } from '../../../src/main/core/infra/log';
import { recordCleanClose } from '../../../src/main/core/db/cleanClose';
import { latestVersion, migrate } from '../../../src/main/core/db/open';
import { migrations } from '../../../src/main/core/db/migrations';
import { setTestAgent } from '../../helpers/agent';
import { closeForGood } from '../../helpers/damagedDb';
import { fakeClock, type FakeClock } from '../../helpers/fakeClock';
import { fakeTimers, type FakeTimers } from '../../helpers/fakeTimers';
import { isMounted, mountSmallDisk, type SmallDisk } from '../../helpers/smallDisk';
import { emptyWal } from '../../helpers/walPages';
import { tempCore } from '../../helpers/tempCore';

/*
 * A full disk for real: the data folder is a small tmpfs, filled with one file until the
 * kernel refuses a byte more (ENOSPC to every writer, SQLITE_FULL or "disk I/O error" to SQLite).
 */

async function call<M extends Method>(
  core: Pick<Core, 'dispatch'>,
  method: M,
  input: MethodInput<M>,
) {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

async function failure(core: Pick<Core, 'dispatch'>, method: Method, input: unknown) {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} succeeded`);
  return r.error;
}

const lead = (i: number) => ({ name: `Khách ${i}`, phone: `0912${String(i).padStart(6, '0')}` });

async function addLeads(core: Core, count: number, from = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) ids.push((await call(core, 'leads.add', lead(i))).id);
  return ids;
}

const leadCount = (core: Core) =>
  core.db.prepare('SELECT count(*) FROM leads').pluck().get() as number;

/** Every file under `dir` but the filler and the database's own, with its size. */
function filesUnder(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = statSync(p).size;
    }
  };
  walk(dir);
  for (const name of Object.keys(out)) {
    if (name === '.filler' || name.startsWith('leadphone.db')) delete out[name];
  }
  return out;
}

describe('a full disk (a small tmpfs, filled up)', () => {
  let disk: SmallDisk;
  let clock: FakeClock;
  let timers: FakeTimers;
  const closers: (() => void)[] = [];
  const dbPath = () => join(disk.path, 'leadphone.db');

  /** A core straight from createCore on the small disk, as the app starts one. */
  function start(): Core {
    const core = createCore({ dbPath: dbPath(), clock, timers, log: silentLog, notify: () => {} });
    closers.push(() => core.close());
    return core;
  }

  /** Storage events as a connection (a window) receives them. */
  function watch(core: Core) {
    const seen: StorageStatus[] = [];
    const session = core.openSession();
    session.onEvent((event, payload) => {
      if (event === 'storage.changed') seen.push(payload as StorageStatus);
    });
    closers.push(() => session.close());
    return { session, seen };
  }

  beforeEach(() => {
    disk = mountSmallDisk(64);
    clock = fakeClock();
    timers = fakeTimers(clock);
  });
  afterEach(() => {
    while (closers.length) closers.pop()!();
    disk.remove();
    expect(isMounted(disk.path)).toBe(false);
  });

  it('answers disk_full to writes, keeps reads and what was stored, and saves again once space returns', async () => {
    const t = tempCore({ dir: disk.path, clock });
    closers.push(() => t.core.close());
    const { core } = t;
    const ids = await addLeads(core, 20);
    const { session, seen } = watch(core);
    // The next write must grow the WAL: no room left by an earlier one to reuse.
    await emptyWal(core.db);
    disk.fill();

    expect((await failure(session, 'leads.add', lead(21))).code).toBe('disk_full');
    expect(seen).toEqual([{ diskFull: true, since: clock.now() }]);
    const save = await failure(session, 'dispositions.save', {
      leadId: ids[0]!,
      statusCode: 'new.not_interested',
    });
    expect(save.code).toBe('disk_full');
    expect((await failure(session, 'leads.addNote', { id: ids[1]!, text: 'ghi chú' })).code).toBe(
      'disk_full',
    );
    expect(await call(session, 'storage.status', {})).toEqual({
      diskFull: true,
      since: clock.now(),
    });

    // Read-only: the lists and the leads are there, whole, and nothing half-saved.
    const list = await call(session, 'leads.list', { stage: 'new', limit: 50 });
    expect(list.counts.new).toBe(20);
    const detail = await call(session, 'leads.detail', { id: ids[0]! });
    expect(detail.lead.stage).toBe('new');
    expect(detail.timeline.filter((i) => i.kind === 'disposition')).toEqual([]);
    expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');

    disk.free();
    // The next call finds room, says so to every window, and the save goes through.
    await call(session, 'dispositions.save', { leadId: ids[0]!, statusCode: 'new.not_interested' });
    expect(seen.at(-1)).toEqual({ diskFull: false, since: null });
    await call(session, 'leads.add', lead(21));
    expect(leadCount(core)).toBe(21);
  });

  it('finds the room again on the minute job, with no call needed', async () => {
    const t = tempCore({ dir: disk.path, clock });
    closers.push(() => t.core.close());
    await addLeads(t.core, 5);
    const { seen } = watch(t.core);
    await emptyWal(t.core.db);
    disk.fill();
    expect((await failure(t.core, 'leads.add', lead(6))).code).toBe('disk_full');
    t.timers.advance(60_000);
    expect(seen).toEqual([{ diskFull: true, since: expect.any(Number) }]);
    disk.free();
    t.timers.advance(60_000);
    expect(seen.at(-1)).toEqual({ diskFull: false, since: null });
  });

  it('fires a callback that came due on a full disk once it can be marked fired, with no busy loop meanwhile', async () => {
    const t = tempCore({ dir: disk.path, clock });
    closers.push(() => t.core.close());
    const [id] = await addLeads(t.core, 1);
    await call(t.core, 'dispositions.save', {
      leadId: id!,
      statusCode: 'new.not_reachable',
      callbackAt: clock.now() + 3_600_000,
      consentOutsideHours: true,
    });
    await emptyWal(t.core.db);
    disk.fill();
    // Due, but it cannot be marked fired: not fired (it would fire twice), and no timer is
    // re-armed at once for it, over and over (fake timers would never get past it).
    t.timers.advance(2 * 3_600_000);
    expect(t.notifications).toEqual([]);
    expect(t.timers.pendingTimers()).toBe(0);
    disk.free();
    t.timers.advance(60_000);
    expect(t.notifications.map((n) => n.leadId)).toEqual([id]);
  });

  it('starts on a full disk read-only instead of refusing with "disk I/O error", then shares the file again once there is room', async () => {
    const first = tempCore({ dir: disk.path, clock });
    await addLeads(first.core, 30);
    await closeForGood(first.core, dbPath());
    // No key file yet: a start must not try to write one (and leave it short) on a full disk.
    rmSync(join(disk.path, SECRET_KEY_FILE), { force: true });
    // As after a crash: the start reads every page first (quick_check needs no room either).
    rmSync(`${dbPath()}.closed.json`);
    disk.fill();

    const said: string[] = [];
    const core = createCore({
      dbPath: dbPath(),
      clock,
      timers,
      log: { ...silentLog, info: (m) => said.push(m) },
      notify: () => {},
    });
    closers.push(() => core.close());
    expect(said).toContain('integrity check passed');
    const { session, seen } = watch(core);
    expect(await call(session, 'storage.status', {})).toEqual({
      diskFull: true,
      since: clock.now(),
    });
    expect((await call(session, 'leads.list', { stage: 'new', limit: 50 })).counts.new).toBe(30);
    expect((await failure(session, 'leads.add', lead(31))).code).toBe('disk_full');
    expect(
      (await failure(session, 'imports.run', { uploadId: randomUUID(), mapping: {} })).code,
    ).toBe('disk_full');
    expect(existsSync(join(disk.path, SECRET_KEY_FILE))).toBe(false);

    disk.free();
    await call(session, 'leads.add', lead(31));
    expect(seen.at(-1)).toEqual({ diskFull: false, since: null });
    // The file is shared again: another connection (the checkpointer, an import) can open it.
    const other = new Database(dbPath(), { readonly: true, timeout: 1000 });
    expect(other.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(31);
    other.close();
    // Secrets work again too: the key is made when the first one is stored.
    await call(core, 'sipAccounts.save', {
      name: 'Tổng đài',
      wsServer: 'wss://pbx.example.vn:8089/ws',
      domain: 'pbx.example.vn',
      username: '101',
      password: 'mật-khẩu',
    });
    expect(statSync(join(disk.path, SECRET_KEY_FILE)).size).toBe(32);

    await closeForGood(core, dbPath());
    const again = start();
    expect(leadCount(again)).toBe(31);
    expect(again.db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('on a first start with no room even to create the file, waits, says so, and opens by itself', async () => {
    disk.fill();
    const core = start();
    const { session, seen } = watch(core);
    expect((await call(session, 'app.info', {})).dataDir).toBe(disk.path);
    expect((await call(session, 'storage.status', {})).diskFull).toBe(true);
    expect((await failure(session, 'settings.get', {})).code).toBe('disk_full');
    expect((await failure(session, 'leads.add', lead(1))).code).toBe('disk_full');
    timers.advance(60_000);
    expect(seen).toEqual([]);

    disk.free();
    timers.advance(60_000);
    expect(seen).toEqual([{ diskFull: false, since: null }]);
    // The same connection now reaches the opened database.
    await call(session, 'settings.get', {});
    await call(session, 'leads.add', lead(1));
    expect(leadCount(core)).toBe(1);
  });

  it('holds back an update whose migrations find no room, and migrates once there is room', async () => {
    const old = new Database(dbPath());
    old.pragma('journal_mode = WAL');
    migrate(old, migrations.slice(0, 3));
    old.close();
    disk.fill();

    const core = start();
    const { session, seen } = watch(core);
    expect((await failure(session, 'leads.list', { stage: 'new' })).code).toBe('disk_full');
    // Nothing of the update went in (the schema version is in the file's header).
    expect(readFileSync(dbPath()).readUInt32BE(60)).toBe(migrations[2]!.version);

    disk.free();
    // A call finds the room as the minute job would, and is answered by the opened database.
    expect((await call(session, 'leads.list', { stage: 'new' })).counts.new).toBe(0);
    expect(seen).toEqual([{ diskFull: false, since: null }]);
    expect(core.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    await call(session, 'leads.add', lead(1));
  });

  it('a clean close that finds no room leaves no half record, so the next start checks', async () => {
    const t = tempCore({ dir: disk.path, clock });
    await addLeads(t.core, 3);
    await closeForGood(t.core, dbPath());
    rmSync(`${dbPath()}.closed.json`);
    disk.fill();
    expect(() => recordCleanClose(dbPath(), clock.now())).toThrow(/ENOSPC/);
    expect(readdirSync(disk.path).filter((f) => f.includes('closed.json'))).toEqual([]);
    disk.free();
    const said: string[] = [];
    const again = createCore({
      dbPath: dbPath(),
      clock,
      timers,
      log: { ...silentLog, info: (m) => said.push(m) },
      notify: () => {},
    });
    closers.push(() => again.close());
    expect(said).toContain('integrity check passed');
    expect(leadCount(again)).toBe(3);
  });

  it('exports, backups, uploads, bundles and diagnostics say disk_full and leave no partial file', async () => {
    // The checkpoint worker looks only when asked: an emptied WAL must not make room mid-test.
    const t = tempCore({ dir: disk.path, clock, checkpointIntervalMs: 0 });
    closers.push(() => t.core.close());
    const { core } = t;
    setTestAgent(core.db);
    await addLeads(core, 500);
    await core.checkpoint();
    const before = filesUnder(disk.path);
    // Some room left: the export starts writing, and the disk fills under it.
    disk.fill(32 * 1024);
    for (const format of ['csv', 'xlsx'] as const) {
      const error = await failure(core, 'exports.start', {
        id: randomUUID(),
        kind: 'leads',
        format,
      });
      expect(error.code, format).toBe('disk_full');
    }
    disk.fill();
    expect((await failure(core, 'backups.create', {})).code).toBe('disk_full');
    const { uploadId } = await call(core, 'imports.begin', { fileName: 'data.csv', size: 300_000 });
    const chunk = Buffer.alloc(300_000, 0x41).toString('base64');
    const upload: ApiError = await failure(core, 'imports.chunk', {
      uploadId,
      offset: 0,
      data: chunk,
    });
    expect(upload.code).toBe('disk_full');
    expect((await failure(core, 'sync.exportBundle', { since: 'all' })).code).toBe('disk_full');
    expect((await failure(core, 'diagnostics.save', {})).code).toBe('disk_full');

    expect(filesUnder(disk.path)).toEqual(before);
    // The upload is gone with its file: its chunks are refused, not appended to a hole.
    expect((await failure(core, 'imports.chunk', { uploadId, offset: 0, data: 'QQ==' })).code).toBe(
      'not_found',
    );
  });

  it('keeps an upload whose import could not be recorded, so it runs once space returns', async () => {
    const t = tempCore({ dir: disk.path, clock });
    closers.push(() => t.core.close());
    const csv = Buffer.from('Tên,SĐT\nNguyễn Văn An,0912000001\nTrần Thị Bình,0912000002\n');
    const { uploadId } = await call(t.core, 'imports.begin', {
      fileName: 'data.csv',
      size: csv.length,
    });
    await call(t.core, 'imports.chunk', { uploadId, offset: 0, data: csv.toString('base64') });
    const { mapping } = await call(t.core, 'imports.preview', { uploadId });
    await emptyWal(t.core.db);
    disk.fill();
    expect((await failure(t.core, 'imports.run', { uploadId, mapping })).code).toBe('disk_full');
    disk.free();
    const report = await call(t.core, 'imports.run', { uploadId, mapping });
    expect(report.counts.newLeads).toBe(2);
  });

  it('postpones a chosen restore that finds no room, starts on the current file, and restores at a start with room', async () => {
    const first = tempCore({ dir: disk.path, clock });
    await addLeads(first.core, 10);
    const backup = await call(first.core, 'backups.create', {});
    await addLeads(first.core, 5, 11);
    await call(first.core, 'backups.restore', { name: backup.name });
    await closeForGood(first.core, dbPath());
    const files = filesUnder(disk.path);
    disk.fill();

    const core = start();
    expect(leadCount(core)).toBe(15);
    expect((await call(core, 'backups.list', {})).restorePending).toBe(backup.name);
    expect(filesUnder(disk.path)).toEqual(files);
    await closeForGood(core, dbPath());

    disk.free();
    const restored = start();
    expect(leadCount(restored)).toBe(10);
    expect((await call(restored, 'backups.list', {})).restorePending).toBeNull();
  });

  it('keeps the log whole lines: a line the disk had no room for is cut off again', () => {
    const log = createFileLog({ dir: join(disk.path, 'logs') });
    log.info('before the disk filled', { n: 1 });
    disk.fill();
    log.warn('x'.repeat(20_000));
    log.info('after', { n: 2 });
    const lines = readFileSync(join(disk.path, 'logs', LOG_FILE), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const messages = lines.map((l) => (JSON.parse(l) as { message: string }).message);
    expect(messages).toEqual(['before the disk filled', 'after']);
  });
});
