import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import type { Lead } from '../../../src/shared/domain';
import type { Call } from '../../../src/shared/softphone';
import { tempCore, type TempCore } from '../../helpers/tempCore';

// The 24-hour rule at calls.start, on this install's history and a fake clock.

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let t: TempCore;
let core: Core;
beforeEach(() => {
  t = tempCore();
  core = t.core;
});
afterEach(() => t.dispose());

async function call<T = unknown>(method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
/** A call the customer answers and that lasts two minutes (ended as `endCause` says, if given). */
async function talk(lead: Lead, endCause?: 'network' | 'media_lost'): Promise<Call> {
  const c = await call<Call>('calls.start', {
    leadId: lead.id,
    direction: 'outbound',
    number: lead.phone,
  });
  await call('calls.update', {
    id: c.id,
    answeredAt: t.clock.now() + 5000,
    endedAt: t.clock.now() + 125_000,
    ...(endCause ? { endCause } : {}),
  });
  return c;
}
const dial = (lead: Lead) =>
  core.dispatch('calls.start', { leadId: lead.id, direction: 'outbound', number: lead.phone });

describe('a second call within 24 hours', () => {
  it('is refused 23:59 after an answered call, with the time it becomes allowed, and allowed at 24:00:01', async () => {
    const lead = await call<Lead>('leads.add', { name: 'Chị Thu', phone: '0912 111 222' });
    const first = await talk(lead);
    t.clock.advance(DAY - MIN);
    expect(await dial(lead)).toMatchObject({
      ok: false,
      error: {
        code: 'call_too_soon',
        data: { lastCallAt: first.startedAt, allowedFrom: first.startedAt + DAY },
      },
    });
    // The same number typed on the keypad, without the lead.
    expect(
      await core.dispatch('calls.start', {
        leadId: null,
        direction: 'outbound',
        number: '84912111222',
      }),
    ).toMatchObject({ ok: false, error: { code: 'call_too_soon' } });
    expect(await call('compliance.check', { leadId: lead.id, number: '0912111222' })).toEqual({
      block: { kind: 'repeat', lastCallAt: first.startedAt, allowedFrom: first.startedAt + DAY },
    });
    t.clock.advance(MIN + 1000);
    expect((await dial(lead)).ok).toBe(true);
  });

  it('is allowed when the customer asked for the callback ("Hẹn gọi lại")', async () => {
    const lead = await call<Lead>('leads.add', { name: 'Anh Quân', phone: '0912 333 444' });
    const first = await talk(lead);
    await call('dispositions.save', {
      leadId: lead.id,
      callId: first.id,
      statusCode: 'new.converted',
      customer: { name: 'Anh Quân' },
    });
    t.clock.advance(DAY + MIN);
    // The customer answers the follow-up and asks to be called back in an hour.
    const second = await talk(lead);
    await call('dispositions.save', {
      leadId: lead.id,
      callId: second.id,
      statusCode: 'contact.callback',
      callbackAt: t.clock.now() + 60 * MIN,
    });
    t.clock.advance(60 * MIN);
    expect((await dial(lead)).ok).toBe(true);
  });

  it('does not count a call nobody answered, and is off when an admin turns it off', async () => {
    const lead = await call<Lead>('leads.add', { name: 'Cô Hằng', phone: '0912 555 666' });
    expect((await dial(lead)).ok).toBe(true);
    t.clock.advance(10 * MIN);
    await talk(lead);
    t.clock.advance(10 * MIN);
    expect((await dial(lead)).ok).toBe(false);
    await call('settings.update', { repeatCallRule: false });
    expect((await dial(lead)).ok).toBe(true);
  });

  it('does not count a call the network cut off: the agent may call straight back', async () => {
    const lead = await call<Lead>('leads.add', { name: 'Bà Lan', phone: '0912 777 888' });
    for (const endCause of ['network', 'media_lost'] as const) {
      await talk(lead, endCause);
      t.clock.advance(3 * MIN);
      expect((await dial(lead)).ok).toBe(true);
    }
    // The call back that ends normally counts as any other.
    await talk(lead);
    t.clock.advance(2 * MIN);
    expect(await dial(lead)).toMatchObject({ ok: false, error: { code: 'call_too_soon' } });
  });
});
