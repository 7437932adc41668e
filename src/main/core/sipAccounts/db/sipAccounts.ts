import type { SipAccountView } from '../../../../shared/softphone';
import type { Db } from '../../db/open';

interface AccountRow {
  id: string;
  name: string;
  ws_server: string;
  domain: string;
  username: string;
  auth_username: string;
  password_enc: Buffer | null;
  display_name: string;
  ice_gathering_timeout_ms: number;
  dial_prefix: string;
  dial_plan: SipAccountView['dialPlan'];
  dtmf_mode: SipAccountView['dtmfMode'];
  register_expires: number;
  active: number;
}

interface IceRow {
  account_id: string;
  position: number;
  urls: string;
  username: string;
  credential_enc: Buffer | null;
}

export interface StoredAccount {
  view: SipAccountView;
  passwordEnc: Buffer | null;
  ice: { urls: string[]; username: string; credentialEnc: Buffer | null }[];
}

function iceOf(db: Db, accountId: string) {
  return (
    db
      .prepare('SELECT * FROM sip_ice_servers WHERE account_id = ? ORDER BY position')
      .all(accountId) as IceRow[]
  ).map((r) => ({
    urls: r.urls.split(' '),
    username: r.username,
    credentialEnc: r.credential_enc,
  }));
}

function toStored(db: Db, r: AccountRow): StoredAccount {
  const ice = iceOf(db, r.id);
  return {
    passwordEnc: r.password_enc,
    ice,
    view: {
      id: r.id,
      name: r.name,
      wsServer: r.ws_server,
      domain: r.domain,
      username: r.username,
      authUsername: r.auth_username,
      displayName: r.display_name,
      iceServers: ice.map((i) => ({
        urls: i.urls,
        username: i.username,
        hasCredential: i.credentialEnc !== null,
      })),
      iceGatheringTimeoutMs: r.ice_gathering_timeout_ms,
      dialPrefix: r.dial_prefix,
      dialPlan: r.dial_plan,
      dtmfMode: r.dtmf_mode,
      registerExpires: r.register_expires,
      active: r.active === 1,
      hasPassword: r.password_enc !== null,
    },
  };
}

export function listAccounts(db: Db): StoredAccount[] {
  return (db.prepare('SELECT * FROM sip_accounts ORDER BY name, id').all() as AccountRow[]).map(
    (r) => toStored(db, r),
  );
}

export function getAccount(db: Db, id: string): StoredAccount | undefined {
  const row = db.prepare('SELECT * FROM sip_accounts WHERE id = ?').get(id) as
    AccountRow | undefined;
  return row && toStored(db, row);
}

export function upsertAccount(db: Db, a: StoredAccount, now: number): void {
  const v = a.view;
  if (v.active)
    db.prepare('UPDATE sip_accounts SET active = 0 WHERE active = 1 AND id <> ?').run(v.id);
  db.prepare(
    `INSERT INTO sip_accounts (id, name, ws_server, domain, username, auth_username, password_enc, display_name,
       ice_gathering_timeout_ms, dial_prefix, dial_plan, dtmf_mode, register_expires, active, created_at, updated_at)
     VALUES (@id, @name, @wsServer, @domain, @username, @authUsername, @passwordEnc, @displayName,
       @iceGatheringTimeoutMs, @dialPrefix, @dialPlan, @dtmfMode, @registerExpires, @active, @now, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, ws_server = excluded.ws_server, domain = excluded.domain,
       username = excluded.username, auth_username = excluded.auth_username, password_enc = excluded.password_enc,
       display_name = excluded.display_name, ice_gathering_timeout_ms = excluded.ice_gathering_timeout_ms,
       dial_prefix = excluded.dial_prefix, dial_plan = excluded.dial_plan, dtmf_mode = excluded.dtmf_mode,
       register_expires = excluded.register_expires, active = excluded.active, updated_at = excluded.updated_at`,
  ).run({ ...v, active: v.active ? 1 : 0, passwordEnc: a.passwordEnc, now });
  db.prepare('DELETE FROM sip_ice_servers WHERE account_id = ?').run(v.id);
  const ice = db.prepare(
    'INSERT INTO sip_ice_servers (account_id, position, urls, username, credential_enc) VALUES (?, ?, ?, ?, ?)',
  );
  a.ice.forEach((s, i) => ice.run(v.id, i, s.urls.join(' '), s.username, s.credentialEnc));
}

export function deleteAccount(db: Db, id: string): void {
  db.prepare('DELETE FROM sip_accounts WHERE id = ?').run(id);
}
