import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../../src/shared/api';
import { createClient } from '../../../src/renderer/api/client';
import { createTeamStore } from '../../../src/renderer/team/teamStore';
import { tempCore, type TempCore } from '../../helpers/tempCore';

describe('the team store', () => {
  let t: TempCore;
  let transport: Transport;

  beforeEach(() => {
    t = tempCore();
    transport = {
      invoke: (method, input) => t.core.dispatch(method, input),
      on: (l) => t.core.onEvent(l),
    };
  });
  afterEach(() => t.dispose());

  it('reads the link from main, and an install with no server is off', async () => {
    const store = createTeamStore(createClient(transport));
    expect(store.getState().status).toBeNull();
    await store.getState().load();
    expect(store.getState().status).toMatchObject({ linked: false, state: 'off', refusals: [] });
  });

  it('keeps a status main announces, and says main’s refusal when nothing is linked', async () => {
    const store = createTeamStore(createClient(transport));
    await store.getState().load();
    const announced = { ...store.getState().status!, linked: true, state: 'offline' as const };
    store.getState().apply(announced);
    expect(store.getState().status).toBe(announced);
    await expect(store.getState().syncNow()).rejects.toMatchObject({
      error: { code: 'team_not_linked' },
    });
    // A failed call leaves what was shown.
    expect(store.getState().status).toBe(announced);
  });

  it('tries to connect to a plain-http address on another machine: refused at the field, nothing linked', async () => {
    const client = createClient(transport);
    await expect(
      client.call('team.connect', { serverUrl: 'http://10.0.0.5:8750', code: 'ABCD-EFGH-JKLM' }),
    ).rejects.toMatchObject({
      error: { code: 'invalid_input', fields: [{ path: 'serverUrl', key: 'team_url_insecure' }] },
    });
    await expect(client.call('team.connect', { serverUrl: '', code: '' })).rejects.toMatchObject({
      error: {
        fields: [
          { path: 'serverUrl', key: 'team_url_required' },
          { path: 'code', key: 'team_code_required' },
        ],
      },
    });
    const store = createTeamStore(client);
    await store.getState().load();
    expect(store.getState().status?.linked).toBe(false);
  });
});
