import { randomUUID } from 'node:crypto';
import type {
  SipAccountSaveInput,
  SipAccountView,
  SipCredentials,
} from '../../../shared/softphone';
import { AppError } from '../../../shared/errors';
import type { z } from 'zod';
import { getAccount, upsertAccount, type StoredAccount } from './db/sipAccounts';
import type { Db } from '../db/open';
import type { Secrets } from '../infra/secrets';
import { writeTx } from '../db/writeTx';

type SaveInput = z.output<typeof SipAccountSaveInput>;

/** Saves an account; passwords and TURN credentials go in encrypted, and are never returned. */
export function saveAccount(
  db: Db,
  secrets: Secrets,
  input: SaveInput,
  now: number,
): SipAccountView {
  return writeTx(db, () => {
    const id = input.id ?? randomUUID();
    const current = input.id ? getAccount(db, input.id) : undefined;
    if (input.id && !current) throw new AppError('not_found', 'No such SIP account.');
    const passwordEnc =
      input.password !== undefined
        ? secrets.encrypt(input.password)
        : (current?.passwordEnc ?? null);
    const ice = input.iceServers.map((s, i) => ({
      urls: s.urls,
      username: s.username,
      credentialEnc:
        s.credential !== undefined
          ? secrets.encrypt(s.credential)
          : (current?.ice[i]?.credentialEnc ?? null),
    }));
    const stored: StoredAccount = {
      passwordEnc,
      ice,
      view: {
        id,
        name: input.name,
        wsServer: input.wsServer,
        domain: input.domain,
        username: input.username,
        authUsername: input.authUsername,
        displayName: input.displayName,
        iceServers: ice.map((s) => ({
          urls: s.urls,
          username: s.username,
          hasCredential: s.credentialEnc !== null,
        })),
        iceGatheringTimeoutMs: input.iceGatheringTimeoutMs,
        dialPrefix: input.dialPrefix,
        dialPlan: input.dialPlan,
        dtmfMode: input.dtmfMode,
        registerExpires: input.registerExpires,
        active: input.active,
        hasPassword: passwordEnc !== null,
      },
    };
    upsertAccount(db, stored, now);
    return getAccount(db, id)!.view;
  });
}

/** For the phone alone, right before it registers. */
export function accountCredentials(db: Db, secrets: Secrets, id: string): SipCredentials {
  const account = getAccount(db, id);
  if (!account) throw new AppError('not_found', 'No such SIP account.');
  return {
    password: account.passwordEnc ? secrets.decrypt(account.passwordEnc) : '',
    iceServers: account.ice.map((s) => ({
      urls: s.urls,
      username: s.username,
      credential: s.credentialEnc ? secrets.decrypt(s.credentialEnc) : '',
    })),
  };
}
