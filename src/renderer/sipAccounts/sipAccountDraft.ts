import type { MethodInput } from '../../shared/api';
import type { SipAccountView } from '../../shared/softphone';
import { TEXT_LIMITS } from '../../shared/textLimits';

export interface IceRow {
  urls: string;
  username: string;
  /** Typed in this form only; '' keeps the stored credential. */
  credential: string;
  hasCredential: boolean;
}

/** The form's fields: numbers as text while typed, secrets only as typed here (write-only). */
export interface Draft {
  id: string | null;
  name: string;
  wsServer: string;
  domain: string;
  username: string;
  authUsername: string;
  password: string;
  hasPassword: boolean;
  displayName: string;
  ice: IceRow[];
  iceGatheringTimeoutMs: string;
  dialPrefix: string;
  dialPlan: SipAccountView['dialPlan'];
  dtmfMode: SipAccountView['dtmfMode'];
  registerExpires: string;
  active: boolean;
}

/** The contract's limits (softphone.ts), so a paste stops where a save would be refused. */
export const SIP_FIELD_LIMITS: Partial<Record<keyof Draft, number>> = {
  name: TEXT_LIMITS.shortName,
  wsServer: TEXT_LIMITS.url,
  domain: TEXT_LIMITS.domain,
  username: TEXT_LIMITS.shortName,
  authUsername: TEXT_LIMITS.shortName,
  displayName: TEXT_LIMITS.shortName,
  dialPrefix: 10,
};

export const blankDraft: Draft = {
  id: null,
  name: '',
  wsServer: 'wss://',
  domain: '',
  username: '',
  authUsername: '',
  password: '',
  hasPassword: false,
  displayName: '',
  ice: [],
  iceGatheringTimeoutMs: '500',
  dialPrefix: '',
  dialPlan: 'national',
  dtmfMode: 'rfc4733',
  registerExpires: '600',
  active: true,
};

export const blankIceRow: IceRow = { urls: '', username: '', credential: '', hasCredential: false };

export function draftOf(a: SipAccountView): Draft {
  return {
    ...a,
    password: '',
    ice: a.iceServers.map((s) => ({
      urls: s.urls.join(' '),
      username: s.username,
      credential: '',
      hasCredential: s.hasCredential,
    })),
    iceGatheringTimeoutMs: String(a.iceGatheringTimeoutMs),
    registerExpires: String(a.registerExpires),
  };
}

/** What goes to main: a secret left empty is omitted, so the stored one is kept. */
export function saveInputOf(d: Draft): MethodInput<'sipAccounts.save'> {
  return {
    id: d.id,
    name: d.name,
    wsServer: d.wsServer,
    domain: d.domain,
    username: d.username,
    authUsername: d.authUsername,
    ...(d.password ? { password: d.password } : {}),
    displayName: d.displayName,
    iceServers: d.ice.map((r) => ({
      urls: r.urls.split(/[\s,]+/).filter(Boolean),
      username: r.username,
      ...(r.credential ? { credential: r.credential } : {}),
    })),
    iceGatheringTimeoutMs: Number(d.iceGatheringTimeoutMs) || 0,
    dialPrefix: d.dialPrefix,
    dialPlan: d.dialPlan,
    dtmfMode: d.dtmfMode,
    registerExpires: Number(d.registerExpires) || 600,
    active: d.active,
  };
}
