import type { AreaHandlers } from '../../../shared/api';
import type { teamArea } from '../../../shared/api/team';
import type { Db } from '../db/open';
import { markRefusalsSeen, unseenRefusals } from './db/teamLink';
import { teamError, type TeamSync } from './teamSync';

/**
 * The team server from the app's screens: the link (admin), the status everyone sees, and the
 * supervisor's and admin's requests, which go to the server with this device's token.
 */
export function createTeamHandlers(ctx: { db: Db; team: TeamSync }): AreaHandlers<typeof teamArea> {
  const { team } = ctx;
  /** A request to the server, its refusal or silence said as the app's own error. */
  const ask = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw teamError(err);
    }
  };
  return {
    'team.status': () => team.status(),
    'team.connect': (input) => team.connect(input),
    'team.disconnect': () => {
      team.disconnect();
      return team.status();
    },
    'team.syncNow': () => team.syncNow(),
    'team.ackRefusals': () => {
      const newest = unseenRefusals(ctx.db, 1)[0];
      if (newest) markRefusalsSeen(ctx.db, newest.id);
      return team.status();
    },
    'team.agents': () => ask(() => team.client().agents()),
    'team.issueCode': (input) => ask(() => team.client().issueCode(input)),
    'team.setAgent': (input) => ask(() => team.client().setAgent(input)),
    'team.assign': async (input) => {
      const r = await ask(() => team.client().assign(input));
      // The leads this desk holds that moved (a supervisor's own view) come with the next pull.
      void team.syncNow().catch(() => undefined);
      return r;
    },
    'team.devices': () => ask(() => team.client().devices()),
    'team.revokeDevice': async ({ deviceId }) => {
      await ask(() => team.client().revokeDevice(deviceId));
      return {};
    },
  };
}
