import {
  ArrowRightLeft,
  Grid3x3,
  Mic,
  MicOff,
  Pause,
  PhoneOff,
  Play,
  RotateCw,
} from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShownNumber } from '../access/useShownNumber';
import { PHONE_HOTKEYS } from './phoneHotkeys';
import type { CallView } from './phoneTypes';
import { formatDuration, talkSeconds } from './phoneStore';
import { Keypad } from './Keypad';
import { TransferForm } from './TransferForm';
import { Button } from '../ui/Button';

export interface CallBarActions {
  hangup(id: string): void;
  setMute(id: string, muted: boolean): void;
  setHold(id: string, hold: boolean): void;
  sendDtmf(id: string, tones: string): void;
  blindTransfer(id: string, number: string): void;
  startConsult(id: string, number: string): void;
  completeTransfer(id: string): void;
  /** Hangs up a call whose audio is gone and calls the same party again. */
  redial(id: string): void;
}

interface Props {
  call: CallView;
  /** Other calls in progress (on hold), shown below with a resume button. */
  others: CallView[];
  /** The consultation leg of an attended transfer started from `call`. */
  consult: CallView | null;
  now: number;
  keypadOpen: boolean;
  onKeypad(open: boolean): void;
  actions: CallBarActions;
}

/** Who the agent is talking to, for how long, and every in-call control. */
export function CallBar({ call, others, consult, now, keypadOpen, onKeypad, actions }: Props) {
  const { t } = useTranslation();
  const [transferring, setTransferring] = useState(false);
  const live = call.state !== 'ended';
  const talking = call.state === 'established' || call.state === 'held';
  const shown = useShownNumber();
  const who = (c: CallView) => c.leadName ?? shown(c.number, t('phone.unknownCaller'));
  const key = (action: keyof typeof PHONE_HOTKEYS) => ` (${PHONE_HOTKEYS[action]})`;
  return (
    <section className={`callbar callbar--${call.state}`} aria-label={t('phone.callBar')}>
      <div className="callbar__who">
        <strong>{who(call)}</strong>
        {call.leadName && <span className="mono"> · {shown(call.number, '')}</span>}
        <span className="callbar__state" role="status">
          {call.state === 'ended' && call.endCause
            ? t(`phone.endCause.${call.endCause}`)
            : t(`phone.state.${call.state}`)}
        </span>
        <time className="callbar__timer mono" aria-label={t('phone.timer')}>
          {formatDuration(talkSeconds(call, now))}
        </time>
        {/* Over a dead path the figures are stale ("loss 0 %"): the warning says what matters. */}
        {call.quality?.codec && !(live && call.mediaLost) && (
          <span className="callbar__quality" title={t('phone.qualityTitle')}>
            {t('phone.quality', {
              rtt: call.quality.rttMs ?? '—',
              jitter: call.quality.jitterMs ?? '—',
              loss: call.quality.packetLossPct ?? '—',
              codec: call.quality.codec,
            })}
          </span>
        )}
      </div>
      {live && call.mediaLost && (
        <div className="callbar__media-lost" role="alert">
          <span>{t('phone.mediaLost')}</span>
          <Button variant="primary" icon={RotateCw} onClick={() => actions.redial(call.id)}>
            {t('phone.redial')}
          </Button>
        </div>
      )}
      {live && (
        <div className="callbar__controls">
          <Button
            aria-pressed={call.muted}
            icon={call.muted ? Mic : MicOff}
            disabled={!talking}
            onClick={() => actions.setMute(call.id, !call.muted)}
          >
            {(call.muted ? t('phone.unmute') : t('phone.mute')) + key('mute')}
          </Button>
          <Button
            aria-pressed={call.state === 'held'}
            icon={call.state === 'held' ? Play : Pause}
            disabled={!talking}
            onClick={() => actions.setHold(call.id, call.state !== 'held')}
          >
            {(call.state === 'held' ? t('phone.resume') : t('phone.hold')) + key('hold')}
          </Button>
          <Button
            aria-expanded={keypadOpen}
            icon={Grid3x3}
            disabled={call.state !== 'established'}
            onClick={() => onKeypad(!keypadOpen)}
          >
            {t('phone.keypad') + key('keypad')}
          </Button>
          <Button
            aria-expanded={transferring}
            icon={ArrowRightLeft}
            disabled={!talking || consult !== null}
            onClick={() => setTransferring(!transferring)}
          >
            {t('phone.transfer')}
          </Button>
          <Button variant="danger" icon={PhoneOff} onClick={() => actions.hangup(call.id)}>
            {t('phone.hangup') + key('hangup')}
          </Button>
        </div>
      )}
      {live && keypadOpen && call.state === 'established' && (
        <div className="callbar__keypad">
          <Keypad label={t('phone.keypad')} onKey={(k) => actions.sendDtmf(call.id, k)} />
          <p className="mono" aria-live="polite">
            {call.dtmfSent && t('phone.dtmfSent', { digits: call.dtmfSent })}
          </p>
        </div>
      )}
      {transferring && (
        <TransferForm
          onCancel={() => setTransferring(false)}
          onBlind={(n) => {
            setTransferring(false);
            actions.blindTransfer(call.id, n);
          }}
          onConsult={(n) => {
            setTransferring(false);
            actions.startConsult(call.id, n);
          }}
        />
      )}
      {consult && (
        <div className="callbar__consult" role="group" aria-label={t('phone.consultGroup')}>
          <span>
            {t('phone.consulting', { number: shown(consult.number, '') })} ·{' '}
            {t(`phone.state.${consult.state}`)}
          </span>
          <Button
            variant="primary"
            disabled={consult.state !== 'established'}
            onClick={() => actions.completeTransfer(call.id)}
          >
            {t('phone.completeTransfer')}
          </Button>
          <Button
            onClick={() => {
              actions.hangup(consult.id);
              actions.setHold(call.id, false);
            }}
          >
            {t('phone.cancelConsult')}
          </Button>
        </div>
      )}
      {others.map((other) => (
        <div key={other.id} className="callbar__other">
          <span>
            {who(other)} · {t(`phone.state.${other.state}`)}
          </span>
          {other.state === 'held' && (
            <Button onClick={() => actions.setHold(other.id, false)}>{t('phone.resume')}</Button>
          )}
          <Button variant="danger" onClick={() => actions.hangup(other.id)}>
            {t('phone.hangup')}
          </Button>
        </div>
      ))}
    </section>
  );
}
