import type { SipAccountView } from '../../../shared/softphone';
import type { AudioDevicePrefs, PhoneListener, RegistrationView } from '../phoneTypes';
import { setDevices } from './callMedia';
import * as calls from './calls';
import type { PhoneBackend } from './phoneBackend';
import { createPhoneCore, type PhoneCore, type PhoneOptions } from './phoneCore';
import * as registration from './registration';
import * as transfer from './transfer';
import { registerOnce, type ConnectionTest } from './userAgent';

export type { ConnectionTest } from './userAgent';
export { PhoneError, type PhoneOptions } from './phoneCore';

/**
 * The agent's softphone: owns the sip.js UserAgent, the Registerer, every Session and all
 * media, and tells the rest of the renderer what happens through plain, serialisable events.
 *
 * Its state is one record (phoneCore.ts) that only it holds; the code that works on it lives
 * by what it does: the connection and registration (registration.ts), placing and handling
 * calls (calls.ts), a call's life from INVITE to end (sessions.ts), its audio (callMedia.ts)
 * and transfers (transfer.ts). No sip.js object ever leaves the phone.
 */
export class Phone {
  private readonly core: PhoneCore;

  constructor(options: PhoneOptions) {
    const core: PhoneCore = createPhoneCore(options, {
      ping: () => registration.ping(core),
      onDead: () => registration.onDeadConnection(core),
    });
    this.core = core;
  }

  /**
   * Registers once with `account` on a UserAgent of its own and reports how it went; the
   * agent's phone is not disturbed. For the admin screen's "test connection" button.
   */
  static async testConnection(
    account: SipAccountView,
    backend: PhoneBackend,
    timeoutMs = 8_000,
  ): Promise<ConnectionTest> {
    return registerOnce(account, await backend.credentials(account.id), timeoutMs);
  }

  on(listener: PhoneListener): () => void {
    this.core.listeners.add(listener);
    return () => this.core.listeners.delete(listener);
  }

  get registrationView(): RegistrationView {
    return this.core.registration;
  }

  /**
   * Uses `account` from now on (null: none); a changed account means a fresh connection.
   * `force`: connect afresh even if nothing visible changed (a new password, say).
   */
  configure(account: SipAccountView | null, options: { force?: boolean } = {}): void {
    registration.configure(this.core, account, options);
  }

  /** The desired state; re-applied after every reconnect, resume and network change. */
  setShouldBeRegistered(on: boolean): void {
    registration.setShouldBeRegistered(this.core, on);
  }

  /** The agent asked to try again (e.g. after fixing the password elsewhere). */
  retryNow(): void {
    registration.retryNow(this.core);
  }

  /** The network came back or the computer woke up: check the connection now. */
  networkChanged(): void {
    registration.networkChanged(this.core);
  }

  setDevices(devices: AudioDevicePrefs): void {
    setDevices(this.core, devices);
  }

  /** Calls a number; resolves with the call's id once the INVITE is on its way. */
  call(input: calls.CallInput): Promise<string> {
    return calls.placeCall(this.core, input);
  }

  answer(callId: string): Promise<void> {
    return calls.answer(this.core, callId);
  }

  /** Call waiting: put every other call on hold, then answer this one. */
  holdAndAnswer(callId: string): Promise<void> {
    return calls.holdAndAnswer(this.core, callId);
  }

  reject(callId: string): Promise<void> {
    return calls.reject(this.core, callId);
  }

  /** Ends a call whatever its state: cancel, reject or BYE. */
  hangup(callId: string): Promise<void> {
    return calls.hangup(this.core, callId);
  }

  setHold(callId: string, hold: boolean): Promise<void> {
    return calls.setHold(this.core, callId, hold);
  }

  setMute(callId: string, muted: boolean): void {
    calls.setMute(this.core, callId, muted);
  }

  sendDtmf(callId: string, tones: string): Promise<void> {
    return calls.sendDtmf(this.core, callId, tones);
  }

  blindTransfer(callId: string, number: string): Promise<void> {
    return transfer.blindTransfer(this.core, callId, number);
  }

  startConsult(callId: string, number: string): Promise<string> {
    return transfer.startConsult(this.core, callId, number);
  }

  completeTransfer(callId: string): Promise<void> {
    return transfer.completeTransfer(this.core, callId);
  }

  /** Hangs up every call and unregisters; for the window closing. */
  dispose(): Promise<void> {
    return registration.dispose(this.core);
  }
}
