import type { MethodInput } from '../../../shared/api';
import type { SipCredentials } from '../../../shared/softphone';
import type { Client } from '../../api/client';

/** What the phone needs from main: secrets just in time, and the call records. */
export interface PhoneBackend {
  /** The account's password and TURN credentials; used at once, never stored or shown. */
  credentials(accountId: string): Promise<SipCredentials>;
  /**
   * Opens a call record; rejects (e.g. `do_not_call`) when the call must not happen. Answers
   * with the number to dial (a lead's own, which an agent may only see masked).
   */
  startCall(input: MethodInput<'calls.start'>): Promise<{ id: string; number: string }>;
  updateCall(input: MethodInput<'calls.update'>): Promise<void>;
  /** Screen pop: the lead behind a caller's number. */
  lookupNumber(number: string): Promise<{ id: string; name: string } | null>;
}

/** The backend over the typed API client (both transports). */
export function clientBackend(client: Client): PhoneBackend {
  return {
    credentials: (id) => client.call('sipAccounts.credentials', { id }),
    // One key per dial: the client's resend after a lost reply opens no second record.
    startCall: (input) =>
      client.call('calls.start', { ...input, idempotencyKey: crypto.randomUUID() }),
    async updateCall(input) {
      await client.call('calls.update', input);
    },
    async lookupNumber(number) {
      const { lead } = await client.call('calls.lookupNumber', { number });
      return lead ? { id: lead.id, name: lead.name } : null;
    },
  };
}
