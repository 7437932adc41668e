import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, isMethod, type InvokeResult, type Method } from '../../../src/shared/api';
import { errorCodes } from '../../../src/shared/errors';
import { setUpInstall } from '../../helpers/access';
import { dumpDatabase } from '../../helpers/dbDump';
import { hostRig } from '../../helpers/hostRig';
import { tempDir } from '../../helpers/tempDir';
import { HOSTILE_FRAMES, openRawWebSocket, pastedNoteFrame } from '../../helpers/rawWebSocket';

/*
 * Random payloads to every contract method through the browser host's WebSocket: random JSON,
 * wrong types, huge strings, deep nesting, prototype-pollution keys, unknown methods, and
 * payloads built from each method's own input keys with plausible values (real ids, valid
 * phones) so that many pass validation and reach the handlers.
 *
 * Properties: every answer is `{ ok: false, error: { code, message } }` with a known code or
 * `{ ok: true, value }` that the method's output schema accepts; the host answers `app.info` at
 * the end; no call that was refused wrote anything (database rows, user_version, files in the
 * data folder); Object.prototype is untouched.
 *
 * The methods come from `api`, so a method added later is fuzzed without touching this file.
 * No method takes a file path: files are written into the data folder under names main picks or
 * a bare `fileName` (given path-like and climbing names here, which must be refused), and read
 * from uploads by id. A `path` key still gets paths inside a scratch folder, so a method that
 * wrongly took one again could not write anywhere else on this machine.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const JUNK_PAYLOADS = 7000;
const SHAPED_PAYLOADS = 3500;
const BATCH = 400;
/** The host closes a socket on a message over MAX_MESSAGE_BYTES; payloads stay well under. */
const MAX_FRAME = 1_000_000;

const methods = Object.keys(api) as Method[];
const knownCodes = new Set<string>(errorCodes);

interface Payload {
  /** JSON text of the method name (not always a string). */
  methodText: string;
  /** JSON text of the input, or undefined to leave the key out. */
  inputText: string | undefined;
}

function inputKeys(method: Method): string[] {
  const schema = api[method].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** A stable picture of everything a call could write. */
function snapshot(core: { db: import('../../../src/main/core/db/open').Db }, dataDir: string) {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(dataDir, path);
      // SQLite's own files change size on reads too; logs record refusals by design.
      if (/^leadphone\.db(-wal|-shm)?$/.test(rel) || rel.startsWith('logs')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(`${rel}:${statSync(path).size}`);
    }
  };
  walk(dataDir);
  return {
    userVersion: core.db.pragma('user_version', { simple: true }),
    rows: dumpDatabase(core.db),
    files: files.sort(),
  };
}

describe('fuzzing the contract through the host', () => {
  let rig: Awaited<ReturnType<typeof hostRig>>;
  let ws: WebSocket;
  const scratch = tempDir('leadphone-fuzz-paths-');
  const waiting = new Map<number, (r: InvokeResult) => void>();
  let nextId = 0;
  const pools: Record<string, unknown[]> = {};

  function send(p: Payload): Promise<InvokeResult> {
    const id = ++nextId;
    const frame =
      p.inputText === undefined
        ? `{"id":${id},"method":${p.methodText}}`
        : `{"id":${id},"method":${p.methodText},"input":${p.inputText}}`;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      ws.send(frame);
    });
  }

  const call = async (method: Method, input: unknown) => {
    const r = await send({ methodText: JSON.stringify(method), inputText: JSON.stringify(input) });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };

  /** A WebSocket of its own: a new session of the host, with the install's current role. */
  async function connect() {
    ws?.close();
    ws = new WebSocket(`ws://127.0.0.1:${rig.host.port}/ws?token=${rig.host.token}`);
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: InvokeResult };
      if (typeof msg.id === 'number' && msg.result) {
        waiting.get(msg.id)?.(msg.result);
        waiting.delete(msg.id);
      }
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
  }

  beforeAll(async () => {
    rig = await hostRig();
    await connect();

    // Real rows for the payloads to point at.
    const leads = [];
    for (const phone of ['0912000001', '0912000002', '0912000003']) {
      leads.push(await call('leads.add', { name: 'Khách thử', phone }));
    }
    const contact = await call('dispositions.save', {
      leadId: leads[1]!.id,
      statusCode: 'new.converted',
      customer: { name: 'Khách thử', province: 'Hà Nội' },
    });
    const withOrder = await call('dispositions.save', {
      leadId: leads[1]!.id,
      statusCode: 'contact.closing_pending',
      order: { items: [{ productName: 'Kem', quantity: 1, unitPrice: 100_000 }] },
    });
    const product = await call('products.save', { code: 'P1', name: 'Kem', unitPrice: 100_000 });
    const account = await call('sipAccounts.save', {
      name: 'Tổng đài',
      wsServer: 'wss://pbx.example.vn:8089/ws',
      domain: 'pbx.example.vn',
      username: '1001',
      password: 'mật-khẩu',
    });
    const callRecord = await call('calls.start', {
      leadId: leads[0]!.id,
      direction: 'outbound',
      number: '0912000001',
    });
    const reminder = await call('dispositions.save', {
      leadId: leads[2]!.id,
      statusCode: 'new.not_reachable',
      callbackAt: rig.clock.now() + 3 * 3_600_000,
      consentOutsideHours: true,
    });
    const reminderId = rig.core.db
      .prepare("SELECT id FROM reminders WHERE state = 'pending' LIMIT 1")
      .pluck()
      .get();
    const backup = await call('backups.create', {});
    const ids = [
      ...leads.map((l) => l.id),
      product.id,
      account.id,
      callRecord.id,
      contact.dispositionId,
      withOrder.orderId,
      reminder.dispositionId,
      reminderId,
      '00000000-0000-4000-8000-000000000000',
    ];
    Object.assign(pools, {
      id: ids,
      name: ['Nguyễn Văn A', '', ' ', backup.name, 'leadphone-20200101-000000.db'],
      phone: ['0912000009', '0912000001', '+84912000008', '12', ''],
      number: ['0912000001', '0912000007', '*#06#'],
      statusCode: ['new.converted', 'new.not_reachable', 'contact.no_answer', 'contact.callback'],
      code: ['P2', 'new.converted', 'contact.no_answer', 'A1', null],
      stage: ['new', 'contact', 'order', 'nope'],
      language: ['vi', 'en', 'fr'],
      role: ['agent', 'supervisor', 'admin'],
      direction: ['outbound', 'inbound'],
      limit: [1, 50, 200, 0, -1, 1e9],
      cursor: [null, '', 'x', '0|0|0'],
      at: [rig.clock.now(), rig.clock.now() + 3_600_000, 0, -1],
      minutes: [5, 15, 0, 100_000],
      pin: ['246810', '000000', '1234', ''],
      query: ['Khách', '0912', 'a', ''],
      text: ['ghi chú', ''],
      bool: [true, false],
      // Bare names main accepts, and names that try to leave its folder.
      fileName: [
        'tuan-47',
        'Bản của Hoa.lpbundle',
        '../thoat.lpbundle',
        '..\\thoat.lpbundle',
        join(scratch.path, 'abs.lpbundle'),
        'C:\\Windows\\x.lpbundle',
        '..',
        '.an',
        '',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    ws?.close();
    await rig?.stop();
    scratch.remove();
  });

  function plausible(key: string): fc.Arbitrary<unknown> {
    const pick = (pool: string) => fc.constantFrom(...(pools[pool] as unknown[]));
    const scratchPath = fc
      .constantFrom('out.zip', 'bundle.lpb', 'a/b.zip', 'sub/x.json')
      .map((f) => join(scratch.path, f));
    if (key === 'path') return scratchPath;
    if (key === 'fileName') return pick('fileName');
    if (/^(id|.*Id)$/.test(key)) return fc.oneof(pick('id'), fc.constant(null));
    if (/Ids$|^ids$/.test(key)) return fc.array(pick('id'), { maxLength: 4 });
    if (/phone|^number$/i.test(key)) return pick(key === 'number' ? 'number' : 'phone');
    if (/^(statusCode)$/.test(key)) return pick('statusCode');
    if (/[cC]ode$/.test(key)) return pick('code');
    if (/(At|^from|^to|Time)$/.test(key)) return pick('at');
    if (/^(minutes|hours|quantity|size|offset|unitPrice|birthYear|sortOrder)$/.test(key)) {
      return fc.oneof(fc.integer({ min: -5, max: 10_000 }), pick('minutes'));
    }
    if (/[pP]in$/.test(key)) return pick('pin');
    if (Object.hasOwn(pools, key)) return pick(key);
    if (/^(is|has|include|hide|active|consent|mask|doNot)/.test(key)) return pick('bool');
    if (/name|label|note|text|source|province|district|address/i.test(key)) return pick('name');
    return fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string({ maxLength: 12 }),
      fc.constant({}),
      fc.constant([]),
    );
  }

  /** Payloads made of a method's own keys, mostly plausible values, sometimes wrong ones. */
  function shaped(method: Method): fc.Arbitrary<Payload> {
    const keys = inputKeys(method);
    const entries = keys.map((k) =>
      fc.option(
        fc.tuple(
          fc.constant(k),
          fc.oneof({ weight: 9, arbitrary: plausible(k) }, { weight: 1, arbitrary: junkValue }),
        ),
        {
          nil: undefined,
          freq: 6,
        },
      ),
    );
    return fc
      .tuple(
        ...entries,
        fc.oneof(
          // now and then a key the method does not have
          { weight: 8, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), junkValue) },
        ),
      )
      .map((pairs) => {
        const obj = Object.fromEntries(
          (pairs as ([string, unknown] | undefined | null)[]).filter(
            (p): p is [string, unknown] => !!p,
          ),
        );
        return { methodText: JSON.stringify(method), inputText: JSON.stringify(obj) };
      });
  }

  const junkValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.double(),
    fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 31), 1e308, '', ' ', '\u0000', 'null', '__proto__'),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );

  const pollutionKey = fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
  );
  const methodName = fc.constantFrom(...methods);

  /** Anything at all, to any method or to none. */
  const junk: fc.Arbitrary<Payload> = fc.oneof(
    // random JSON as the input
    fc.tuple(methodName, fc.jsonValue({ maxDepth: 4 })).map(([m, v]) => ({
      methodText: JSON.stringify(m),
      inputText: JSON.stringify(v),
    })),
    // wrong top-level types, and no input at all
    fc
      .tuple(
        methodName,
        fc.constantFrom('null', '0', '-1', 'true', '"x"', '[]', '[{}]', '1e999', '""', undefined),
      )
      .map(([m, t]) => ({ methodText: JSON.stringify(m), inputText: t === '1e999' ? '1e308' : t })),
    // the method's keys with wrong values, plus a stray key
    methodName.chain((m) => shaped(m)),
    // prototype pollution, at the top and nested, as own keys of the parsed JSON
    fc
      .tuple(
        methodName,
        pollutionKey,
        fc.constantFrom(...methods.flatMap(inputKeys).slice(0, 60), 'id'),
      )
      .map(([m, bad, key]) => ({
        methodText: JSON.stringify(m),
        inputText: `{"${bad}":{"polluted":"yes","isAdmin":true,"role":"admin"},"${key}":{"${bad}":{"polluted":"yes"}},"constructor":{"prototype":{"polluted":"yes"}}}`,
      })),
    // huge strings in a real key
    fc
      .tuple(
        methodName,
        fc.integer({ min: 50_000, max: 300_000 }),
        fc.constantFrom('é', 'a', '0', '\u{1F600}', ' '),
      )
      .map(([m, n, ch]) => {
        const key = inputKeys(m)[0] ?? 'x';
        return {
          methodText: JSON.stringify(m),
          inputText: JSON.stringify({ [key]: ch.repeat(Math.floor(n / ch.length / 2)) }),
        };
      }),
    // deep nesting
    fc
      .tuple(methodName, fc.integer({ min: 50, max: 20_000 }), fc.boolean())
      .map(([m, depth, arrays]) => {
        const key = JSON.stringify(inputKeys(m)[0] ?? 'x');
        const inner = arrays
          ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        return { methodText: JSON.stringify(m), inputText: `{${key}:${inner}}` };
      }),
    // unknown and look-alike methods
    fc
      .tuple(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom(
            '__proto__',
            'constructor',
            'toString',
            'hasOwnProperty',
            'Leads.add',
            'leads.add ',
            'leads.',
            '.',
            '',
          ),
          methodName.map((m) => `${m}x`),
        ),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([m, v]) => ({ methodText: JSON.stringify(m), inputText: JSON.stringify(v) })),
    // not a method name at all
    fc
      .constantFrom('null', '1', '{}', '[]', 'true')
      .map((t) => ({ methodText: t, inputText: '{}' })),
  );

  /** Would the core accept this payload's shape? (It sees exactly what JSON.parse gives it.) */
  function locallyValid(p: Payload): boolean {
    const method: unknown = JSON.parse(p.methodText);
    if (!isMethod(method)) return false;
    const input: unknown = p.inputText === undefined ? undefined : JSON.parse(p.inputText);
    return api[method].input.safeParse(input ?? {}).success;
  }

  function checkAnswer(p: Payload, r: InvokeResult) {
    if (r.ok) {
      const method = JSON.parse(p.methodText) as Method;
      const out = api[method].output.safeParse(r.value);
      if (!out.success)
        throw new Error(`${method} answered outside its output schema: ${out.error.message}`);
      return;
    }
    if (!knownCodes.has(r.error.code) || typeof r.error.message !== 'string' || !r.error.message) {
      throw new Error(
        `unclear error for ${p.methodText}: ${JSON.stringify(r.error).slice(0, 300)}`,
      );
    }
    if (r.error.code === 'internal') {
      throw new Error(`internal error for ${p.methodText} ${String(p.inputText).slice(0, 300)}`);
    }
  }

  /** Sends the payloads (refused ones pipelined in batches, the rest one by one) and checks. */
  async function fuzz(role: 'admin' | 'agent', seed: number, junkRuns: number, shapedRuns: number) {
    setUpInstall(rig.core.db, role);
    await connect();
    const junkPayloads = fc.sample(junk, { seed, numRuns: junkRuns });
    const shapedPayloads = fc.sample(methodName.chain(shaped), {
      seed: seed + 1,
      numRuns: shapedRuns,
    });
    const all = [...junkPayloads, ...shapedPayloads].filter(
      (p) => p.methodText.length + (p.inputText?.length ?? 0) < MAX_FRAME,
    );
    const refused = all.filter((p) => !locallyValid(p));
    const accepted = all.filter((p) => locallyValid(p));
    let sent = 0;
    const perMethod = new Map<string, number>();
    const count = (p: Payload) =>
      perMethod.set(p.methodText, (perMethod.get(p.methodText) ?? 0) + 1);

    // 1. Payloads the schemas refuse, in pipelined batches: nothing may change.
    for (let i = 0; i < refused.length; i += BATCH) {
      const batch = refused.slice(i, i + BATCH);
      const before = snapshot(rig.core, rig.dir);
      const answers = await Promise.all(batch.map(send));
      sent += batch.length;
      answers.forEach((r, k) => {
        count(batch[k]!);
        expect(r.ok, `${batch[k]!.methodText} ${String(batch[k]!.inputText).slice(0, 200)}`).toBe(
          false,
        );
        checkAnswer(batch[k]!, r);
      });
      expect(snapshot(rig.core, rig.dir)).toEqual(before);
    }

    // 2. Payloads that pass the schemas reach the handlers, one at a time: a valid answer, or a
    //    refusal that wrote nothing (a wrong PIN may count the failure: that is its job).
    let before = snapshot(rig.core, rig.dir);
    let handled = 0;
    let refusedByHandler = 0;
    const handlerMs = new Map<string, number>();
    for (const p of accepted) {
      const started = performance.now();
      const r = await send(p);
      handlerMs.set(p.methodText, (handlerMs.get(p.methodText) ?? 0) + performance.now() - started);
      sent++;
      count(p);
      checkAnswer(p, r);
      if (r.ok) {
        handled++;
        // An accepted auth.* may have changed the install's role or PIN: back to the role
        // of this run, so the rest of it still reaches the handlers it means to.
        if (p.methodText.startsWith('"auth.')) setUpInstall(rig.core.db, role);
        before = snapshot(rig.core, rig.dir);
        continue;
      }
      refusedByHandler++;
      const after = snapshot(rig.core, rig.dir);
      if (r.error.code === 'pin_wrong' || r.error.code === 'pin_locked') {
        delete (after.rows as Record<string, unknown>).access;
        delete (before.rows as Record<string, unknown>).access;
      }
      expect(
        after,
        `${p.methodText} ${String(p.inputText).slice(0, 300)} → ${r.error.code}`,
      ).toEqual(before);
      before = snapshot(rig.core, rig.dir);
    }

    // 3. Still alive, still answering, nothing polluted.
    const info = await send({ methodText: '"app.info"', inputText: '{}' });
    expect(info).toMatchObject({ ok: true, value: { version: expect.any(String) } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    // Bundles were only ever written inside the data folder's bundles folder.
    expect(existsSync(join(dirname(rig.dir), 'thoat.lpbundle'))).toBe(false);
    expect(readdirSync(scratch.path).filter((f) => f.endsWith('.lpbundle'))).toEqual([]);
    const bundles = join(rig.dir, 'bundles');
    if (existsSync(bundles)) {
      expect(readdirSync(bundles).filter((f) => !/^[^/\\]+\.lpbundle$/.test(f))).toEqual([]);
    }

    console.info(
      `contract fuzz as ${role} (seed ${seed}): ${sent} payloads to ${methods.length} methods; ` +
        `${refused.length} refused by the schemas, ${accepted.length} reached the handlers ` +
        `(${handled} succeeded, ${refusedByHandler} refused there); slowest: ` +
        [...handlerMs]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([m, ms]) => `${m} ${Math.round(ms)} ms`)
          .join(', '),
    );
    return { sent, handled, perMethod };
  }

  it(`answers ${JUNK_PAYLOADS + SHAPED_PAYLOADS} random payloads clearly, writes nothing when refusing, never dies`, async () => {
    const { sent, handled, perMethod } = await fuzz('admin', SEED, JUNK_PAYLOADS, SHAPED_PAYLOADS);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    for (const m of methods) expect(perMethod.get(JSON.stringify(m)) ?? 0, m).toBeGreaterThan(20);
    // Enough of the run got past validation to mean something.
    expect(handled).toBeGreaterThan(200);
  }, 240_000);

  /*
   * Frames no WebSocket library would send, written by hand on a TCP socket after a real
   * upgrade: each must close only its own connection, with the right code, while the
   * connection opened before it keeps answering calls.
   */
  it('survives raw frames that break the protocol, and a 1.5 MB pasted note', async () => {
    setUpInstall(rig.core.db, 'admin');
    await connect();
    const alive = async () =>
      expect(await send({ methodText: '"app.info"', inputText: '{}' })).toMatchObject({
        ok: true,
      });
    await alive();
    for (const { name, frame, code } of HOSTILE_FRAMES) {
      const raw = await openRawWebSocket(rig.host.port, rig.host.token);
      raw.send(frame);
      expect(await raw.closed, name).toEqual({ code });
      expect(ws.readyState, name).toBe(WebSocket.OPEN);
      await alive();
    }
    const before = snapshot(rig.core, rig.dir);
    const raw = await openRawWebSocket(rig.host.port, rig.host.token);
    raw.send(pastedNoteFrame(1, pools.id![0] as string));
    expect(await raw.nextMessage()).toMatchObject({
      id: 1,
      result: {
        ok: false,
        error: { code: 'invalid_input', fields: [{ path: 'note', key: 'too_long' }] },
      },
    });
    expect(raw.socket.destroyed).toBe(false);
    raw.destroy();
    await alive();
    expect(snapshot(rig.core, rig.dir)).toEqual(before);
  }, 60_000);

  it('holds the same for an agent install, where role refusals come first', async () => {
    const { sent } = await fuzz('agent', SEED + 2, 1000, 1000);
    expect(sent).toBe(2000);
  }, 240_000);
});
