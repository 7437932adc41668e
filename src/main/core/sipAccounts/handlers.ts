import type { AreaHandlers } from '../../../shared/api';
import type { sipAccountsArea } from '../../../shared/api/sipAccounts';
import type { Clock } from '../infra/clock';
import type { Secrets } from '../infra/secrets';
import type { Db } from '../db/open';
import type { CoreEventListener } from '../plumbing/core';
import { accountCredentials, saveAccount } from './accountSecrets';
import { deleteAccount, listAccounts } from './db/sipAccounts';

export function createSipAccountsHandlers(ctx: {
  db: Db;
  clock: Clock;
  /** Keeps SIP passwords and TURN credentials encrypted at rest. */
  secrets: Secrets;
  emit: CoreEventListener;
}): AreaHandlers<typeof sipAccountsArea> {
  const { db, secrets } = ctx;
  return {
    'sipAccounts.list': () => listAccounts(db).map((a) => a.view),
    'sipAccounts.save': (input) => {
      const view = saveAccount(db, secrets, input, ctx.clock.now());
      ctx.emit('sipAccounts.changed', {});
      return view;
    },
    'sipAccounts.delete': ({ id }) => {
      deleteAccount(db, id);
      ctx.emit('sipAccounts.changed', {});
      return {};
    },
    'sipAccounts.credentials': ({ id }) => accountCredentials(db, secrets, id),
  };
}
