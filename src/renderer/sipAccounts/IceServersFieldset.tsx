import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { Button } from '../ui/Button';
import { blankIceRow, type IceRow } from './sipAccountDraft';

interface Props {
  rows: IceRow[];
  onChange(rows: IceRow[]): void;
  /** The refusal of the servers, if main named them. */
  error: ReactNode;
}

/** The account's STUN/TURN servers, a row each; their credentials are write-only like the password. */
export function IceServersFieldset({ rows, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('phone.accounts.iceServers')}</legend>
      <p className="hint">{t('phone.accounts.iceHint')}</p>
      {rows.map((row, i) => {
        const setRow = (change: Partial<IceRow>) =>
          onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
        return (
          <div key={i} className="ice-row">
            <input
              aria-label={t('phone.accounts.iceUrls', { n: i + 1 })}
              placeholder="turn:turn.example.vn:3478"
              maxLength={TEXT_LIMITS.url * 8}
              value={row.urls}
              onChange={(e) => setRow({ urls: e.target.value })}
            />
            <input
              aria-label={t('phone.accounts.iceUsername', { n: i + 1 })}
              maxLength={TEXT_LIMITS.secret}
              value={row.username}
              onChange={(e) => setRow({ username: e.target.value })}
            />
            <input
              type="password"
              autoComplete="new-password"
              aria-label={t('phone.accounts.iceCredential', { n: i + 1 })}
              placeholder={row.hasCredential ? t('phone.accounts.passwordKeep') : ''}
              maxLength={TEXT_LIMITS.credential}
              value={row.credential}
              onChange={(e) => setRow({ credential: e.target.value })}
            />
            <Button onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('phone.accounts.removeIce')}
            </Button>
          </div>
        );
      })}
      <Button onClick={() => onChange([...rows, { ...blankIceRow }])}>
        {t('phone.accounts.addIce')}
      </Button>
      {error}
    </fieldset>
  );
}
