import { z } from 'zod';
import { TEXT_LIMITS } from './textLimits';

export const CallDirection = z.enum(['outbound', 'inbound']);
export type CallDirection = z.infer<typeof CallDirection>;

export const CallQuality = z.object({
  rttMs: z.number().min(0).max(60_000).nullable(),
  jitterMs: z.number().min(0).max(60_000).nullable(),
  packetLossPct: z.number().min(0).max(100).nullable(),
  codec: z.string().max(40).nullable(),
});
export type CallQuality = z.infer<typeof CallQuality>;

/**
 * Why a call ended, as the call record stores it and the call bar shows it. `media_lost`: no
 * audio arrived from the far end when the call ended (a dead media path the signalling never
 * saw); `number_invalid`: main's number for the lead could not be dialled.
 */
export const EndCause = z.enum([
  'local_hangup',
  'remote_hangup',
  'cancelled',
  'missed',
  'rejected',
  'busy',
  'no_answer',
  'unavailable',
  'not_found',
  'declined',
  'transferred',
  'replaced',
  'network',
  'media_lost',
  'media_error',
  'number_invalid',
  'failed',
]);
export type EndCause = z.infer<typeof EndCause>;

export const Call = z.object({
  id: z.string().uuid(),
  leadId: z.string().nullable(),
  direction: CallDirection,
  via: z.enum(['softphone', 'manual']),
  number: z.string(),
  accountId: z.string().nullable(),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  talkSeconds: z.number(),
  sipCallId: z.string().nullable(),
  endCause: z.string().nullable(),
  quality: CallQuality.nullable(),
});
export type Call = z.infer<typeof Call>;

export const DialPlan = z.enum(['national', 'e164']);
export const DtmfMode = z.enum(['rfc4733', 'info']);

const WsUrl = z
  .string()
  .trim()
  .max(TEXT_LIMITS.url)
  .regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, { message: 'ws_url_invalid' });

export const IceServerInput = z.object({
  urls: z
    .array(
      z
        .string()
        .trim()
        .max(TEXT_LIMITS.url)
        .regex(/^(stun|turns?):\S+$/, { message: 'ice_url_invalid' }),
    )
    .min(1)
    .max(8),
  username: z.string().max(TEXT_LIMITS.secret).default(''),
  /** Omitted: keep the stored one. */
  credential: z.string().max(TEXT_LIMITS.credential).optional(),
});

export const SipAccountSaveInput = z
  .object({
    id: z.string().uuid().nullable().default(null),
    name: z.string().trim().min(1, { message: 'name_required' }).max(TEXT_LIMITS.shortName),
    wsServer: WsUrl,
    domain: z.string().trim().min(1, { message: 'domain_required' }).max(TEXT_LIMITS.domain),
    username: z.string().trim().min(1, { message: 'username_required' }).max(TEXT_LIMITS.shortName),
    authUsername: z.string().trim().max(TEXT_LIMITS.shortName).default(''),
    /** Omitted: keep the stored password. Never sent back. */
    password: z.string().max(TEXT_LIMITS.secret).optional(),
    displayName: z.string().trim().max(TEXT_LIMITS.shortName).default(''),
    iceServers: z.array(IceServerInput).max(8).default([]),
    iceGatheringTimeoutMs: z.number().int().min(0).max(10_000).default(500),
    dialPrefix: z
      .string()
      .trim()
      .max(10)
      .regex(/^[0-9*#+]*$/, { message: 'dial_prefix_invalid' })
      .default(''),
    dialPlan: DialPlan.default('national'),
    dtmfMode: DtmfMode.default('rfc4733'),
    registerExpires: z.number().int().min(60).max(86_400).default(600),
    active: z.boolean().default(true),
  })
  .strict();
export type SipAccountSaveInput = z.input<typeof SipAccountSaveInput>;

export const SipAccountView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  wsServer: z.string(),
  domain: z.string(),
  username: z.string(),
  authUsername: z.string(),
  displayName: z.string(),
  iceServers: z.array(
    z.object({ urls: z.array(z.string()), username: z.string(), hasCredential: z.boolean() }),
  ),
  iceGatheringTimeoutMs: z.number(),
  dialPrefix: z.string(),
  dialPlan: DialPlan,
  dtmfMode: DtmfMode,
  registerExpires: z.number(),
  active: z.boolean(),
  hasPassword: z.boolean(),
});
export type SipAccountView = z.infer<typeof SipAccountView>;

export const SipCredentials = z.object({
  password: z.string(),
  iceServers: z.array(
    z.object({ urls: z.array(z.string()), username: z.string(), credential: z.string() }),
  ),
});
export type SipCredentials = z.infer<typeof SipCredentials>;
