import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../src/renderer/phone/phoneTypes';
import {
  canDial,
  consultOf,
  createPhoneStore,
  focusedCall,
  followUpFor,
  formatDuration,
  incomingCalls,
  initialRegistration,
  nextLeadToDial,
  registrationKey,
  talkSeconds,
} from '../../../src/renderer/phone/phoneStore';
import { T0 } from '../../helpers/fakeClock';
import { leadFixture } from '../../helpers/leadFixture';

let n = 0;
function call(fields: Partial<CallView> = {}): CallView {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    direction: 'outbound',
    number: '+84912000001',
    leadId: 'lead-1',
    leadName: 'Khách Một',
    state: 'established',
    muted: false,
    consultFor: null,
    startedAt: T0,
    answeredAt: T0 + 2000,
    endedAt: null,
    endCause: null,
    dtmfSent: '',
    quality: null,
    mediaLost: false,
    ...fields,
  };
}

const slice = (...calls: CallView[]) => ({
  calls: Object.fromEntries(calls.map((c) => [c.id, c])),
  order: calls.map((c) => c.id),
});

describe('the phone store', () => {
  it('keeps calls in arrival order and updates them in place', () => {
    const store = createPhoneStore();
    const a = call({ state: 'dialling', answeredAt: null });
    const b = call({ direction: 'inbound', state: 'ringing', answeredAt: null });
    store.getState().apply({ type: 'call', call: a });
    store.getState().apply({ type: 'call', call: b });
    store.getState().apply({ type: 'call', call: { ...a, state: 'established' } });
    expect(store.getState().order).toEqual([a.id, b.id]);
    expect(store.getState().calls[a.id]!.state).toBe('established');
  });

  it('queues the disposition of a lead call once, when it ends', () => {
    const store = createPhoneStore();
    const a = call();
    store.getState().apply({ type: 'call', call: a });
    expect(store.getState().followUps).toEqual([]);
    const ended = {
      ...a,
      state: 'ended' as const,
      endedAt: T0 + 9000,
      endCause: 'local_hangup' as const,
    };
    store.getState().apply({ type: 'call', call: ended });
    store.getState().apply({ type: 'call', call: ended });
    expect(store.getState().followUps).toEqual([
      { kind: 'disposition', callId: a.id, leadId: 'lead-1' },
    ]);
    store.getState().doneFollowUp(a.id);
    expect(store.getState().followUps).toEqual([]);
  });

  it('keeps only the last few ended calls', () => {
    const store = createPhoneStore();
    const live = call();
    store.getState().apply({ type: 'call', call: live });
    for (let i = 0; i < 8; i++) {
      store.getState().apply({ type: 'call', call: call({ state: 'ended', endedAt: T0 }) });
    }
    const { order, calls } = store.getState();
    expect(order).toHaveLength(6);
    expect(order[0]).toBe(live.id);
    expect(Object.keys(calls)).toHaveLength(6);
  });

  it('stores registration changes and problems as they come', () => {
    const store = createPhoneStore();
    const failed = {
      ...initialRegistration,
      state: 'failed' as const,
      reason: 'auth_failed' as const,
    };
    store.getState().apply({ type: 'registration', registration: failed });
    store.getState().apply({ type: 'error', code: 'mic_denied', callId: null });
    expect(store.getState().registration).toEqual(failed);
    expect(store.getState().notice).toEqual({ code: 'mic_denied', source: 'phone', callId: null });
  });
});

describe('phone selectors', () => {
  it('focuses the newest call not on hold, and never an unanswered incoming one', () => {
    const held = call({ state: 'held' });
    const talking = call();
    const ringing = call({ direction: 'inbound', state: 'ringing', answeredAt: null });
    expect(focusedCall(slice(held, talking, ringing))?.id).toBe(talking.id);
    expect(focusedCall(slice(held, ringing))?.id).toBe(held.id);
    expect(focusedCall(slice(ringing))).toBeNull();
    expect(incomingCalls(slice(held, talking, ringing)).map((c) => c.id)).toEqual([ringing.id]);
  });

  it('finds the consultation leg of an attended transfer', () => {
    const customer = call({ state: 'held' });
    const colleague = call({ consultFor: customer.id, leadId: null });
    expect(consultOf(slice(customer, colleague), customer.id)?.id).toBe(colleague.id);
    expect(consultOf(slice(customer), customer.id)).toBeNull();
    // The customer's bar stays in focus while the colleague is consulted.
    expect(focusedCall(slice(customer, colleague))?.id).toBe(customer.id);
    expect(focusedCall(slice({ ...customer, state: 'ended' }, colleague))?.id).toBe(colleague.id);
  });

  it('lets the agent dial only when registered and not already talking', () => {
    const registered = { ...initialRegistration, state: 'registered' as const };
    expect(canDial({ ...slice(), registration: registered })).toBe(true);
    expect(canDial({ ...slice(call()), registration: registered })).toBe(false);
    expect(canDial({ ...slice(call({ state: 'held' })), registration: registered })).toBe(true);
    expect(canDial({ ...slice(), registration: initialRegistration })).toBe(false);
  });

  it('counts talk time from the answer, to the end or to now', () => {
    expect(talkSeconds(call({ answeredAt: null }), T0 + 60_000)).toBe(0);
    expect(talkSeconds(call({ answeredAt: T0 }), T0 + 61_900)).toBe(61);
    expect(talkSeconds(call({ answeredAt: T0, endedAt: T0 + 5_000 }), T0 + 99_000)).toBe(5);
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('asks for a disposition after a lead call, to save the number after an unknown caller', () => {
    const ended = { state: 'ended' as const, endedAt: T0 + 1 };
    expect(followUpFor(call(ended))).toMatchObject({ kind: 'disposition', leadId: 'lead-1' });
    // Unanswered: an outgoing call still needs its outcome, a missed incoming one does not.
    expect(followUpFor(call({ ...ended, answeredAt: null }))).toMatchObject({
      kind: 'disposition',
    });
    expect(followUpFor(call({ ...ended, answeredAt: null, direction: 'inbound' }))).toBeNull();
    expect(
      followUpFor(call({ ...ended, direction: 'inbound', leadId: null, number: '0912000009' })),
    ).toMatchObject({ kind: 'saveNumber', number: '0912000009' });
    expect(followUpFor(call({ ...ended, leadId: null }))).toBeNull(); // a typed outbound number
    expect(followUpFor(call({ ...ended, consultFor: 'x' }))).toBeNull();
    expect(followUpFor(call())).toBeNull(); // not ended yet
  });

  it('names the registration for the status line', () => {
    expect(
      registrationKey({ ...initialRegistration, state: 'failed', reason: 'auth_failed' }),
    ).toBe('auth_failed');
    expect(registrationKey({ ...initialRegistration, state: 'failed', reason: 'network' })).toBe(
      'network',
    );
    expect(
      registrationKey({ ...initialRegistration, state: 'registering', reason: 'network' }),
    ).toBe('reconnecting');
    expect(registrationKey({ ...initialRegistration, state: 'registering' })).toBe('registering');
    expect(registrationKey({ ...initialRegistration, reason: 'no_account' })).toBe('no_account');
    expect(registrationKey({ ...initialRegistration, state: 'registered' })).toBe('registered');
  });
});

describe('nextLeadToDial (power mode)', () => {
  const now = T0 + 3_600_000;
  it('takes the first due, callable lead other than the one just handled', () => {
    const handled = leadFixture({ phone: '+84912000001' });
    const noPhone = leadFixture({ phone: null });
    const dnc = leadFixture({ phone: '+84912000002', doNotCall: true });
    const wrong = leadFixture({ phone: '+84912000003', phoneWrong: true });
    const later = leadFixture({
      phone: '+84912000004',
      nextAction: 'callback',
      nextActionAt: now + 1,
    });
    const due = leadFixture({ phone: '+84912000005', nextAction: 'callback', nextActionAt: now });
    const fresh = leadFixture({ phone: '+84912000006' });
    const queue = [handled, noPhone, dnc, wrong, later, due, fresh];
    expect(nextLeadToDial(queue, handled.id, now)?.id).toBe(due.id);
    expect(nextLeadToDial([handled, later, fresh], handled.id, now)?.id).toBe(fresh.id);
  });

  it('skips a lead whose number is on a do-not-call list', () => {
    const team = leadFixture({ phone: '+84912000008', dncList: 'team' });
    const national = leadFixture({ phone: '+84912000009', dncList: 'national' });
    const fresh = leadFixture({ phone: '+84912000010' });
    expect(nextLeadToDial([team, national, fresh], null, now)?.id).toBe(fresh.id);
    expect(nextLeadToDial([team, national], null, now)).toBeNull();
  });

  it('finds nothing when nothing is due', () => {
    const none = leadFixture({ phone: '+84912000007', nextAction: 'none' });
    expect(nextLeadToDial([none], null, now)).toBeNull();
    expect(nextLeadToDial([], null, now)).toBeNull();
  });
});
