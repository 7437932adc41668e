import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { usePhone, usePhoneController, usePhoneStore } from './phoneContext';
import { useNow } from '../ui/useNow';
import { hotkeyAction } from './phoneHotkeys';
import { useQueue, useSettings, useStores } from '../app/stores';
import {
  callList,
  consultOf,
  engagedCalls,
  focusedCall,
  incomingCalls,
  nextLeadToDial,
} from './phoneStore';
import { CallBar } from './CallBar';
import { IncomingCall } from './IncomingCall';
import { PowerModeCountdown } from './PowerModeCountdown';
import { SaveNumberPrompt } from './SaveNumberPrompt';
import { Button } from '../ui/Button';
import { blockText } from '../compliance/blockText';

/** How long after a save power mode waits for the queue to offer the next lead. */
const POWER_MODE_LOOK_MS = 10_000;

/** How long the bar keeps showing a call that just ended (its end cause and duration). */
const SHOW_ENDED_MS = 5_000;

interface Props {
  /** Opens a lead's detail; with a call id, on the disposition panel for that call. */
  onOpenLead(leadId: string, callId: string | null): void;
}

/**
 * Everything the phone puts on screen over the app: the call bar, incoming calls, the
 * follow-ups of a finished call, power mode's countdown, problems, and the phone's hotkeys.
 */
export function PhoneLayer({ onOpenLead }: Props) {
  const { t } = useTranslation();
  const { client } = useStores();
  const phone = usePhoneController();
  const store = usePhoneStore();
  const calls = usePhone((s) => s.calls);
  const order = usePhone((s) => s.order);
  const followUps = usePhone((s) => s.followUps);
  const notice = usePhone((s) => s.notice);
  const timeZone = useSettings((s) => s.settings.timeZone);
  const powerMode = usePhone((s) => s.powerMode);
  const lastDisposition = usePhone((s) => s.lastDisposition);
  const [keypadOpen, setKeypadOpen] = useState(false);
  const [countdown, setCountdown] = useState<{ lead: Lead; since: number } | null>(null);

  const slice = { calls, order };
  const engaged = engagedCalls(slice);
  const incoming = incomingCalls(slice);
  const focused = focusedCall(slice);
  const consult = focused ? consultOf(slice, focused.id) : null;
  const others = engaged.filter((c) => c !== focused && c !== consult);
  const now = useNow(1000, engaged.length > 0 || incoming.length > 0);
  const lastEnded = callList(slice).at(-1);
  const shown =
    focused ??
    (lastEnded?.state === 'ended' &&
    lastEnded.consultFor === null &&
    (lastEnded.endedAt ?? 0) > now - SHOW_ENDED_MS
      ? lastEnded
      : null);

  // A finished call: open its disposition panel (or offer to save an unknown number).
  const next = followUps[0];
  useEffect(() => {
    if (next?.kind !== 'disposition') return;
    store.getState().doneFollowUp(next.callId);
    onOpenLead(next.leadId, next.callId);
  }, [next, store, onOpenLead]);

  // Anything ringing or in progress takes over from the countdown.
  const busy = engaged.length > 0 || incoming.length > 0;
  if ((busy || !powerMode) && countdown !== null) setCountdown(null);

  // Power mode: after a disposition, offer the next lead and dial it unless stopped. The queue
  // may still be reloading (the save, or a lead that arrived just before it), so for a few
  // seconds after the save each queue change looks again; once a lead is offered (then dialled
  // or stopped), or the phone is busy, or that moment has passed, never again for this save.
  const queueItems = useQueue((s) => s.items);
  const offeredFor = useRef<object | null>(null);
  useEffect(() => {
    if (!powerMode || !lastDisposition || offeredFor.current === lastDisposition) return;
    if (busy || Date.now() - lastDisposition.at > POWER_MODE_LOOK_MS) {
      offeredFor.current = lastDisposition;
      return;
    }
    const lead = nextLeadToDial(queueItems, lastDisposition.leadId, Date.now());
    if (lead) offeredFor.current = lastDisposition;
    // The offer follows two stores (the queue, the phone) and the clock, so it is worked out
    // here, after the change, not while rendering; computing it from a subscription instead
    // would miss the first look, made as soon as the disposition is saved.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCountdown(lead ? { lead, since: Date.now() } : null);
  }, [powerMode, lastDisposition, queueItems, busy]);

  const dialFromCountdown = useCallback(
    (lead: Lead) => {
      setCountdown(null);
      void phone.callLead(lead);
    },
    [phone],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = hotkeyAction(e);
      if (!action) return;
      const state = store.getState();
      const target = focusedCall(state);
      const ringing = incomingCalls(state)[0];
      e.preventDefault();
      switch (action) {
        case 'answer':
          if (ringing) {
            if (engagedCalls(state).length > 0) phone.holdAndAnswer(ringing.id);
            else phone.answer(ringing.id);
          }
          break;
        case 'hangup':
          if (target) phone.hangup(target.id);
          else if (ringing) phone.reject(ringing.id);
          break;
        case 'mute':
          if (target?.state === 'established') phone.setMute(target.id, !target.muted);
          break;
        case 'hold':
          if (target && (target.state === 'established' || target.state === 'held')) {
            phone.setHold(target.id, target.state !== 'held');
          }
          break;
        case 'keypad':
          setKeypadOpen((open) => !open);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phone, store]);

  return (
    <>
      {notice && (
        <p className="form__error phone-notice" role="alert">
          {notice.block
            ? blockText(t, notice.block, timeZone)
            : t(
                notice.source === 'api'
                  ? `errors.code.${notice.code}`
                  : `phone.error.${notice.code}`,
              )}{' '}
          <Button onClick={() => store.getState().showNotice(null)}>{t('phone.dismiss')}</Button>
        </p>
      )}
      {shown && (
        <CallBar
          call={shown}
          others={others}
          consult={consult}
          now={now}
          keypadOpen={keypadOpen}
          onKeypad={setKeypadOpen}
          actions={{
            hangup: phone.hangup,
            setMute: phone.setMute,
            setHold: phone.setHold,
            sendDtmf: phone.sendDtmf,
            blindTransfer: (id, n) => void phone.blindTransfer(id, n),
            startConsult: (id, n) => void phone.startConsult(id, n),
            completeTransfer: (id) => void phone.completeTransfer(id),
            redial: (id) => void phone.hangupAndRedial(id),
          }}
        />
      )}
      {incoming.map((call) => (
        <IncomingCall
          key={call.id}
          call={call}
          waiting={engaged.length > 0}
          onAnswer={() =>
            engaged.length > 0 ? phone.holdAndAnswer(call.id) : phone.answer(call.id)
          }
          onReject={() => phone.reject(call.id)}
        />
      ))}
      {next?.kind === 'saveNumber' && !busy && (
        <SaveNumberPrompt
          key={next.callId}
          number={next.number}
          client={client}
          onSkip={() => store.getState().doneFollowUp(next.callId)}
          onSaved={(lead) => {
            store.getState().doneFollowUp(next.callId);
            // The call joins the new lead's history; a failure here must not lose the lead.
            void client.call('calls.update', { id: next.callId, leadId: lead.id }).catch(() => {});
            onOpenLead(lead.id, null);
          }}
        />
      )}
      {countdown && (
        <PowerModeCountdown
          key={countdown.lead.id + countdown.since}
          lead={countdown.lead}
          since={countdown.since}
          onDial={dialFromCountdown}
          onStop={() => setCountdown(null)}
        />
      )}
    </>
  );
}
