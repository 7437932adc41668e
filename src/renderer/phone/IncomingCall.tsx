import { useTranslation } from 'react-i18next';
import type { CallView } from './phoneTypes';
import { PHONE_HOTKEYS } from './phoneHotkeys';
import { useShownNumber } from '../access/useShownNumber';
import { Button } from '../ui/Button';

interface Props {
  call: CallView;
  /** The agent is already on a call: this one waits (answering holds the other). */
  waiting: boolean;
  onAnswer(): void;
  onReject(): void;
}

/** The screen pop: who is calling (the lead's name when the number is known) before answering. */
export function IncomingCall({ call, waiting, onAnswer, onReject }: Props) {
  const { t } = useTranslation();
  const shown = useShownNumber();
  const title = waiting ? t('phone.waiting') : t('phone.incoming');
  return (
    <div className="incoming" role="alertdialog" aria-label={title}>
      <p className="incoming__title">{title}</p>
      <p className="incoming__who">
        <strong>{call.leadName ?? t('phone.unknownCaller')}</strong>
      </p>
      <p className="mono">{shown(call.number, '')}</p>
      <div className="actions">
        <Button variant="primary" className="call" onClick={onAnswer}>
          {(waiting ? t('phone.holdAndAnswer') : t('phone.answer')) + ` (${PHONE_HOTKEYS.answer})`}
        </Button>
        <Button variant="danger" onClick={onReject}>
          {t('phone.reject')}
        </Button>
      </div>
    </div>
  );
}
