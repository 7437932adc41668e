import type { CallQuality } from '../../shared/softphone';
import type { EndCause } from './sip/endCause';

/** What the phone shows of its registration; serialisable, for the store. */
export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';

/**
 * Why the phone is not registered: a wrong password (no retries until the account changes),
 * the network (retrying), a refusal other than authentication, or no active SIP account.
 */
export type RegistrationReason = 'auth_failed' | 'network' | 'rejected' | 'no_account';

export interface RegistrationView {
  state: RegistrationState;
  reason: RegistrationReason | null;
  /** The SIP status that refused us, when there was one. */
  statusCode: number | null;
  /** When the next automatic attempt happens (epoch ms), while retrying. */
  retryAt: number | null;
  /** The account the phone uses, by name, for the status line. */
  accountName: string | null;
}

export type CallState = 'dialling' | 'ringing' | 'early' | 'established' | 'held' | 'ended';

export interface CallView {
  /** Our call record's id (calls.start), also the key everywhere in the renderer. */
  id: string;
  direction: 'outbound' | 'inbound';
  /** The other party's number, as dialled or as the caller presented it. */
  number: string;
  leadId: string | null;
  leadName: string | null;
  state: CallState;
  muted: boolean;
  /** The consultation leg of an attended transfer, and the call it belongs to. */
  consultFor: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  endCause: EndCause | null;
  /** Digits sent as DTMF during the call, for the keypad's display. */
  dtmfSent: string;
  quality: CallQuality | null;
  /** No audio arrives from the far end (a dead media path): the agent is warned. */
  mediaLost: boolean;
}

/** Problems the agent must be told about; i18n keys under `phone.error.`. */
export type PhoneErrorCode =
  | 'not_registered'
  | 'no_microphone'
  | 'mic_denied'
  | 'number_invalid'
  | 'call_failed'
  | 'hold_failed'
  | 'transfer_failed'
  | 'dtmf_failed'
  | 'speaker_failed';

export type PhoneEvent =
  | { type: 'registration'; registration: RegistrationView }
  | { type: 'call'; call: CallView }
  | { type: 'error'; code: PhoneErrorCode; callId: string | null };

export type PhoneListener = (event: PhoneEvent) => void;

export interface AudioDevicePrefs {
  micId: string | null;
  speakerId: string | null;
  ringerId: string | null;
}
