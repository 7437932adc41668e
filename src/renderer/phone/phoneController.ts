import type { Lead } from '../../shared/domain';
import { checkPhone } from '../../shared/phone';
import type { SipAccountView } from '../../shared/softphone';
import { ApiCallError, type Client } from '../api/client';
import type { PhoneStore } from './phoneStore';
import { blockOfError } from '../compliance/blockText';
import { loadDevicePrefs, loadPowerMode, savePowerMode, saveDevicePrefs } from './audioDevices';
import { Phone, PhoneError, type ConnectionTest } from './sip/Phone';
import { clientBackend } from './sip/phoneBackend';
import type { AudioDevicePrefs } from './phoneTypes';

/**
 * Connects the Phone to the rest of the app: the active SIP account from main, the store the
 * UI reads, the browser's network and main's power events, and the agent's actions. Every
 * action reports its failure as a notice in the store instead of throwing into a click handler.
 */
export interface PhoneController {
  start(): void;
  /** Re-reads the accounts and re-registers if the active one changed (`force`: in any case). */
  reloadAccount(force?: boolean): Promise<void>;
  callLead(lead: Pick<Lead, 'id' | 'name' | 'phone' | 'phoneAsGiven'>): Promise<void>;
  callNumber(number: string): Promise<void>;
  answer(callId: string): void;
  reject(callId: string): void;
  holdAndAnswer(callId: string): void;
  hangup(callId: string): void;
  setHold(callId: string, hold: boolean): void;
  setMute(callId: string, muted: boolean): void;
  sendDtmf(callId: string, tones: string): void;
  blindTransfer(callId: string, number: string): Promise<void>;
  startConsult(callId: string, number: string): Promise<void>;
  completeTransfer(callId: string): Promise<void>;
  /** The call's audio is gone: hang up and call the same lead (or number) again. */
  hangupAndRedial(callId: string): Promise<void>;
  retryRegistration(): void;
  /** Registers once with a saved account and reports the result, for the admin's test button. */
  testAccount(account: SipAccountView): Promise<ConnectionTest>;
  setDevices(devices: AudioDevicePrefs): void;
  setPowerMode(on: boolean): void;
  dispose(): Promise<void>;
}

export function createPhoneController(
  client: Client,
  store: PhoneStore,
  win: Window = window,
): PhoneController {
  const phone = new Phone({ backend: clientBackend(client) });
  const storage = safeStorage(win);
  const offs: (() => void)[] = [];

  const notify = (error: unknown, callId: string | null = null) => {
    if (error instanceof PhoneError) {
      store.getState().showNotice({ code: error.code, source: 'phone', callId });
    } else if (error instanceof ApiCallError) {
      const block = blockOfError(error.error);
      store
        .getState()
        .showNotice({ code: error.error.code, source: 'api', callId, ...(block ? { block } : {}) });
    } else {
      store.getState().showNotice({ code: 'call_failed', source: 'phone', callId });
    }
  };
  const guard = (promise: Promise<unknown>, callId: string | null = null) =>
    void promise.catch((error: unknown) => notify(error, callId));

  async function reloadAccount(force = false) {
    let accounts: SipAccountView[];
    try {
      accounts = await client.call('sipAccounts.list', {});
    } catch {
      return; // main unreachable: keep what we have; the next change event retries
    }
    phone.configure(accounts.find((a) => a.active) ?? null, { force });
  }

  async function dial(number: string, leadId: string | null, leadName: string | null) {
    store.getState().showNotice(null);
    try {
      // A listed number or a second call within 24 hours is refused before the phone is asked
      // anything (main refuses again at calls.start): the agent reads why, and until when.
      const { block } = await client.call('compliance.check', { leadId, number });
      if (block) {
        const code = block.kind === 'repeat' ? 'call_too_soon' : 'dnc_blocked';
        store.getState().showNotice({ code, source: 'api', callId: null, block });
        return;
      }
      await phone.call({ number, leadId, leadName });
    } catch (error) {
      notify(error);
    }
  }

  return {
    start() {
      offs.push(phone.on((event) => store.getState().apply(event)));
      const devices = loadDevicePrefs(storage);
      store.getState().setDevices(devices);
      store.getState().setPowerMode(loadPowerMode(storage));
      phone.setDevices(devices);
      // A save may carry a new password (invisible in the view): always connect afresh.
      offs.push(client.on('sipAccounts.changed', () => void reloadAccount(true)));
      offs.push(client.on('power.resume', () => phone.networkChanged()));
      const online = () => phone.networkChanged();
      win.addEventListener('online', online);
      offs.push(() => win.removeEventListener('online', online));
      phone.setShouldBeRegistered(true);
      void reloadAccount();
    },
    reloadAccount,
    callLead: (lead) => dial(lead.phone ?? lead.phoneAsGiven, lead.id, lead.name),
    async callNumber(typed) {
      // A typed number may be a lead's: then the call is that lead's, as if clicked.
      const phone = checkPhone(typed);
      const number = phone.valid ? phone.e164 : typed.replace(/\s/g, '');
      const found = phone.valid
        ? await client.call('calls.lookupNumber', { number }).catch(() => ({ lead: null }))
        : { lead: null };
      await dial(number, found.lead?.id ?? null, found.lead?.name ?? null);
    },
    answer: (id) => guard(phone.answer(id), id),
    reject: (id) => guard(phone.reject(id), id),
    holdAndAnswer: (id) => guard(phone.holdAndAnswer(id), id),
    hangup: (id) => guard(phone.hangup(id), id),
    setHold: (id, hold) => guard(phone.setHold(id, hold), id),
    setMute: (id, muted) => phone.setMute(id, muted),
    sendDtmf: (id, tones) => guard(phone.sendDtmf(id, tones), id),
    blindTransfer: (id, number) => phone.blindTransfer(id, number).catch((e) => notify(e, id)),
    startConsult: (id, number) =>
      phone.startConsult(id, number).then(
        () => undefined,
        (e) => notify(e, id),
      ),
    completeTransfer: (id) => phone.completeTransfer(id).catch((e) => notify(e, id)),
    async hangupAndRedial(id) {
      const call = store.getState().calls[id];
      if (!call) return;
      await phone.hangup(id).catch(() => undefined);
      // The same number as before: for an agent with masking on, main dials the lead's own.
      await dial(call.number, call.leadId, call.leadName);
    },
    retryRegistration: () => phone.retryNow(),
    testAccount: (account) => Phone.testConnection(account, clientBackend(client)),
    setDevices(devices) {
      saveDevicePrefs(storage, devices);
      store.getState().setDevices(devices);
      phone.setDevices(devices);
    },
    setPowerMode(on) {
      savePowerMode(storage, on);
      store.getState().setPowerMode(on);
    },
    async dispose() {
      offs.splice(0).forEach((off) => off());
      await phone.dispose();
    },
  };
}

/** localStorage, or nothing where the page may not use it (a sandboxed test page). */
function safeStorage(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}
