import { SessionState } from 'sip.js';
import { hangup, placeCall, setHold } from './calls';
import {
  dialTarget,
  emit,
  liveCalls,
  PhoneError,
  type LiveCall,
  type PhoneCore,
} from './phoneCore';
import { sendRefer } from './sessionMedia';

// Passing the customer to a colleague: blind (REFER and leave), or attended (consult first,
// then REFER with Replaces).

/** Blind transfer: REFER the customer to `number`, then leave the call. */
export async function blindTransfer(core: PhoneCore, callId: string, number: string) {
  const call = core.calls.get(callId);
  const target = core.account ? dialTarget(number, core.account) : undefined;
  if (!call || !target) throw new PhoneError(target ? 'transfer_failed' : 'number_invalid');
  await refer(core, call, `<${target.toString()}>`);
}

/** Attended transfer, step 1: hold the customer and call the colleague. */
export async function startConsult(
  core: PhoneCore,
  callId: string,
  number: string,
): Promise<string> {
  const call = core.calls.get(callId);
  if (!call) throw new PhoneError('transfer_failed');
  await setHold(core, callId, true);
  return placeCall(core, { number, leadId: null, consultFor: callId });
}

/**
 * Attended transfer, step 2: REFER the customer to the colleague with Replaces, so the
 * customer's new call takes the place of our consultation call.
 *
 * The Refer-To carries the colleague's address of record, not the Contact that sip.js would
 * use: a WebSocket client's Contact (`…@xyz.invalid;transport=ws`) can be routed only inside
 * the dialog, while the AOR reaches the colleague through the registrar like any call.
 */
export async function completeTransfer(core: PhoneCore, callId: string): Promise<void> {
  const call = core.calls.get(callId);
  const consult = liveCalls(core).find((c) => c.view.consultFor === callId);
  const dialog = consult?.session.dialog;
  if (!call || !consult?.target || !dialog) throw new PhoneError('transfer_failed');
  const replaces = encodeURIComponent(
    `${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`,
  );
  await refer(core, call, `<${consult.target.toString()}?Replaces=${replaces}>`);
  consult.endCause = 'transferred';
  // The colleague's phone ends our consultation leg when the customer's call replaces it;
  // if it does not, we do.
  setTimeout(() => void hangup(core, consult.view.id), 5_000);
}

async function refer(core: PhoneCore, call: LiveCall, referTo: string): Promise<void> {
  const ua = core.ua;
  if (!ua || call.session.state !== SessionState.Established) {
    throw new PhoneError('transfer_failed');
  }
  const accepted = await sendRefer(call.session, ua, referTo);
  if (!accepted) {
    emit(core, { type: 'error', code: 'transfer_failed', callId: call.view.id });
    throw new PhoneError('transfer_failed');
  }
  // The customer now calls the new party; our leg is done.
  call.endCause = 'transferred';
  await call.session.bye().catch(() => undefined);
}
