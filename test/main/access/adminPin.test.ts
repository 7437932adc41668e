import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../../src/shared/api';
import type { ApiError } from '../../../src/shared/errors';
import { UNLOCK_IDLE_MS } from '../../../src/main/core/access/accessControl';
import { PIN_SCRYPT } from '../../../src/main/core/access/pinHash';
import { TEST_PIN } from '../../helpers/access';
import { dumpDatabase } from '../../helpers/dbDump';
import { tempCore, type TempCore } from '../../helpers/tempCore';

const value = <T>(r: InvokeResult) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
const error = (r: InvokeResult): ApiError => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('the admin PIN', () => {
  let t: TempCore;
  afterEach(() => t.dispose());

  it('is created once at first start, as a salted scrypt hash with its parameters', async () => {
    t = tempCore({ role: 'fresh' });
    const s = t.core.openSession();
    expect(
      value<{ hasPin: boolean; role: string }>(await s.dispatch('auth.status', {})),
    ).toMatchObject({
      hasPin: false,
      role: 'agent',
      installRole: 'agent',
    });
    expect(error(await s.dispatch('auth.setupPin', { pin: '12' })).code).toBe('invalid_input');
    const status = value<{ hasPin: boolean; role: string }>(
      await s.dispatch('auth.setupPin', { pin: '4711' }),
    );
    // Whoever chose it is unlocked; the install stays an agent's.
    expect(status).toMatchObject({ hasPin: true, role: 'admin', installRole: 'agent' });

    const row = t.core.db.prepare('SELECT * FROM access').get() as Record<string, unknown>;
    expect(row.pin_algorithm).toBe('scrypt');
    expect(row).toMatchObject({
      pin_cost: PIN_SCRYPT.cost,
      pin_block_size: PIN_SCRYPT.blockSize,
      pin_parallelism: PIN_SCRYPT.parallelism,
      pin_key_length: PIN_SCRYPT.keyLength,
    });
    expect((row.pin_salt as Buffer).length).toBe(16);
    expect((row.pin_hash as Buffer).length).toBe(PIN_SCRYPT.keyLength);
    expect((row.pin_hash as Buffer).toString('latin1')).not.toContain('4711');

    // Nobody can replace it through the first-start path, not even another connection.
    const other = t.core.openSession();
    expect(error(await other.dispatch('auth.setupPin', { pin: '0000' })).code).toBe('pin_exists');
    expect(value(await other.dispatch('auth.unlock', { pin: '4711' }))).toMatchObject({
      role: 'admin',
    });
  });

  it('refuses a wrong PIN, then makes each further try wait longer (on the clock, not sleeping)', async () => {
    t = tempCore({ role: 'agent' });
    const s = t.core.openSession();
    const waits: (number | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const e = error(await s.dispatch('auth.unlock', { pin: '000000' }));
      expect(e.code).toBe('pin_wrong');
      waits.push(e.data?.seconds as number);
      // Trying again at once is refused without even checking the PIN — the right one too.
      if ((e.data?.seconds as number) > 0) {
        const early = error(await s.dispatch('auth.unlock', { pin: TEST_PIN }));
        expect(early.code).toBe('pin_locked');
        expect(early.data?.seconds).toBe(e.data?.seconds);
        t.clock.advance((e.data?.seconds as number) * 1000 - 1);
        expect(error(await s.dispatch('auth.unlock', { pin: TEST_PIN })).code).toBe('pin_locked');
        t.clock.advance(1);
      }
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(value(await s.dispatch('auth.status', {}))).toMatchObject({ role: 'agent' });

    // The count survives a new connection (and a restart: it is in the database).
    const other = t.core.openSession();
    expect(error(await other.dispatch('auth.unlock', { pin: '111111' })).data?.seconds).toBe(16);
    t.clock.advance(16_000);
    expect(value(await other.dispatch('auth.unlock', { pin: TEST_PIN }))).toMatchObject({
      role: 'admin',
    });
    // The right PIN starts the count again.
    expect(error(await s.dispatch('auth.unlock', { pin: '000000' })).data?.seconds).toBe(0);
  });

  it('checks parallel guesses one at a time, so they cannot share a window', async () => {
    t = tempCore({ role: 'agent' });
    const sessions = Array.from({ length: 8 }, () => t.core.openSession());
    const results = await Promise.all(
      sessions.map((s) => s.dispatch('auth.unlock', { pin: '999999' })),
    );
    const codes = results.map((r) => error(r).code);
    expect(codes.filter((c) => c === 'pin_wrong')).toHaveLength(4);
    expect(codes.filter((c) => c === 'pin_locked')).toHaveLength(4);
  });

  it('unlocks one connection only, until it locks or sits idle', async () => {
    t = tempCore({ role: 'agent' });
    const a = t.core.openSession();
    const b = t.core.openSession();
    const product = { code: 'LT1', name: 'Liệu trình 1', unitPrice: 1_500_000 };
    expect(error(await a.dispatch('products.save', product)).code).toBe('forbidden');
    await a.dispatch('auth.unlock', { pin: TEST_PIN });
    expect((await a.dispatch('products.save', product)).ok).toBe(true);
    expect(error(await b.dispatch('products.save', { ...product, code: 'LT2' })).code).toBe(
      'forbidden',
    );
    // Admin work keeps it open; queue work does not.
    t.clock.advance(UNLOCK_IDLE_MS - 1000);
    expect((await a.dispatch('products.list', {})).ok).toBe(true);
    t.clock.advance(2000);
    expect(error(await a.dispatch('products.save', { ...product, code: 'LT3' })).code).toBe(
      'forbidden',
    );
    await a.dispatch('auth.unlock', { pin: TEST_PIN });
    value(await a.dispatch('auth.lock', {}));
    expect(error(await a.dispatch('products.save', { ...product, code: 'LT4' })).code).toBe(
      'forbidden',
    );
  });

  it('changes the PIN only with the current one', async () => {
    t = tempCore({ role: 'agent' });
    const s = t.core.openSession();
    expect(
      error(await s.dispatch('auth.changePin', { currentPin: TEST_PIN, newPin: '5555' })).code,
    ).toBe('forbidden');
    await s.dispatch('auth.unlock', { pin: TEST_PIN });
    expect(
      error(await s.dispatch('auth.changePin', { currentPin: '1234', newPin: '5555' })).code,
    ).toBe('pin_wrong');
    value(await s.dispatch('auth.changePin', { currentPin: TEST_PIN, newPin: '5555' }));
    const other = t.core.openSession();
    expect(error(await other.dispatch('auth.unlock', { pin: TEST_PIN })).code).toBe('pin_wrong');
    expect((await other.dispatch('auth.unlock', { pin: '5555' })).ok).toBe(true);
  });

  it('lets an admin change the install role; a supervisor install reads reports without the PIN', async () => {
    t = tempCore({ role: 'agent' });
    const s = t.core.openSession();
    expect(error(await s.dispatch('auth.setRole', { role: 'supervisor' })).code).toBe('forbidden');
    await s.dispatch('auth.unlock', { pin: TEST_PIN });
    value(await s.dispatch('auth.setRole', { role: 'supervisor' }));
    const fresh = t.core.openSession();
    expect(value(await fresh.dispatch('auth.status', {}))).toMatchObject({
      role: 'supervisor',
      installRole: 'supervisor',
    });
    expect(error(await fresh.dispatch('statuses.add', {})).code).toBe('forbidden');
    expect(error(await fresh.dispatch('settings.update', { timeZone: 'UTC' })).code).toBe(
      'forbidden',
    );
    expect((await fresh.dispatch('settings.update', { language: 'en' })).ok).toBe(true);
  });

  it('refuses an agent every admin method before reading its input, and writes nothing', async () => {
    t = tempCore({ role: 'agent' });
    const s = t.core.openSession();
    const before = dumpDatabase(t.core.db);
    const calls: [string, unknown][] = [
      [
        'sipAccounts.save',
        { name: 'x', wsServer: 'wss://pbx.example/ws', domain: 'd', username: 'u', password: 'p' },
      ],
      ['sipAccounts.delete', { id: '11111111-1111-4111-8111-111111111111' }],
      ['statuses.add', { nonsense: true }],
      ['statuses.update', { code: 'no_answer', labelVi: 'Đổi' }],
      ['products.save', { code: 'A', name: 'A', unitPrice: 1 }],
      ['auth.setRole', { role: 'admin' }],
      ['auth.setMasking', { maskNumbers: true }],
      ['settings.update', { callingWindow: { days: [] } }],
    ];
    for (const [method, input] of calls) {
      const e = error(await s.dispatch(method, input));
      expect(e.code, method).toBe('forbidden');
      expect(e.data).toMatchObject({ need: 'admin', have: 'agent' });
    }
    expect(dumpDatabase(t.core.db)).toEqual(before);
  });
});
