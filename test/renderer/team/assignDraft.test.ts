import { describe, expect, it } from 'vitest';
import {
  agentLabel,
  assignRequestOf,
  devicesByAgent,
  emptyAssignDraft,
} from '../../../src/renderer/team/assignDraft';
import { AssignRequest } from '../../../src/shared/team/protocol';

describe('the assignment form', () => {
  it('hands the pool to one agent by default, with the filters it was given', () => {
    const r = assignRequestOf({
      ...emptyAssignDraft,
      to: ['a1'],
      stage: 'new',
      source: '  Hội chợ ',
      customerStatus: '',
      limit: '100',
    });
    expect(r).toEqual({
      ok: true,
      request: {
        pick: {
          stage: 'new',
          source: 'Hội chợ',
          customerStatus: '',
          unassignedOnly: true,
          fromAgentId: null,
          limit: 100,
        },
        toAgentIds: ['a1'],
      },
    });
    // What the form sends is what the server's contract takes.
    expect(AssignRequest.safeParse(r.ok && r.request).success).toBe(true);
  });

  it('deals in turn to several, takes from anyone, or moves an agent’s leads (never to that agent)', () => {
    const any = assignRequestOf({ ...emptyAssignDraft, to: ['a1', 'a2'], from: '*' });
    expect(any.ok && any.request.pick).toMatchObject({
      unassignedOnly: false,
      fromAgentId: null,
      customerStatus: null,
      stage: null,
      source: null,
    });
    expect(any.ok && any.request.toAgentIds).toEqual(['a1', 'a2']);
    const move = assignRequestOf({
      ...emptyAssignDraft,
      to: ['a1', 'a2'],
      from: 'a1',
      limit: '10',
    });
    expect(move.ok && move.request).toMatchObject({
      pick: { unassignedOnly: false, fromAgentId: 'a1', limit: 10 },
      toAgentIds: ['a2'],
    });
  });

  it('says what is missing instead of sending', () => {
    expect(assignRequestOf(emptyAssignDraft)).toEqual({ ok: false, key: 'pickAgent' });
    expect(assignRequestOf({ ...emptyAssignDraft, to: ['a1'], from: 'a1' })).toEqual({
      ok: false,
      key: 'pickAgent',
    });
    for (const limit of ['', '0', '1.5', 'abc', '100001']) {
      expect(assignRequestOf({ ...emptyAssignDraft, to: ['a1'], limit })).toEqual({
        ok: false,
        key: 'limit',
      });
    }
  });

  it('counts each person’s devices in use and their latest sighting', () => {
    const by = devicesByAgent([
      { id: 'd1', agentId: 'a1', name: 'PC 1', createdAt: 1, lastSeenAt: 50, revokedAt: null },
      { id: 'd2', agentId: 'a1', name: 'PC 2', createdAt: 2, lastSeenAt: 90, revokedAt: 95 },
      { id: 'd3', agentId: 'a2', name: 'PC 3', createdAt: 3, lastSeenAt: null, revokedAt: null },
    ]);
    expect(by.get('a1')).toEqual({ active: 1, lastSeenAt: 90 });
    expect(by.get('a2')).toEqual({ active: 1, lastSeenAt: null });
    expect(by.get('a3')).toBeUndefined();
    expect(
      agentLabel(
        [{ id: 'a1', name: 'Nguyễn An', code: 'NV01', role: 'agent', active: true }],
        'a1',
      ),
    ).toBe('Nguyễn An (NV01)');
    expect(agentLabel([], 'a9')).toBe('a9');
  });
});
