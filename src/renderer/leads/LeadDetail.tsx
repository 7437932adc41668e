import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail as Detail } from '../../shared/api';
import type { Language, Lead } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import { formatPhone } from '../../shared/phone';
import { useWhenAccessChanges } from '../access/accessStore';
import { customerStatuses, entryLabel } from '../workflow/catalogueStore';
import { useCatalogue, useSettings, useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { createActionKey } from '../api/actionKey';
import { DispositionPanel } from '../workflow/DispositionPanel';
import { CallButton } from '../phone/CallButton';
import { Timeline } from './Timeline';
import { LEAD_FIELD_LIMITS, TEXT_LIMITS } from '../../shared/textLimits';
import { CharCounter } from '../ui/CharCounter';

interface Props {
  leadId: string;
  /** Open with the disposition panel showing (e.g. at hang-up, or the D key). */
  recording: boolean;
  /** The softphone call the disposition belongs to (at hang-up). */
  callId?: string | null;
  onRecording(open: boolean): void;
  onClose(): void;
  onSaved(lead: Lead): void;
}

const editable = ['phone2', 'province', 'district', 'address', 'note'] as const;

/** The second number as the form shows it (masked if this connection sees it masked). */
const shownPhone2 = (lead: Lead | undefined) => (lead?.phone2 ? formatPhone(lead.phone2, '') : '');

export function LeadDetail({
  leadId,
  recording,
  callId = null,
  onRecording,
  onClose,
  onSaved,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { client } = useStores();
  const statuses = useCatalogue((s) => s.statuses);
  const products = useCatalogue((s) => s.products);
  const settings = useSettings((s) => s.settings);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [form, setForm] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [noteText, setNoteText] = useState('');
  const [noteKey] = useState(createActionKey);

  const load = useCallback(async () => {
    try {
      const d = await client.call('leads.detail', { id: leadId });
      setDetail(d);
      setForm({
        phone2: shownPhone2(d.lead),
        province: d.lead.province,
        district: d.lead.district,
        address: d.lead.address,
        note: d.lead.note,
      });
    } catch (err) {
      setError(toApiError(err));
    }
  }, [client, leadId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Masking switched on (or an admin session locked) while this lead is open: show it as this
  // connection may now see it. What the agent is typing stays; an untouched second number follows.
  const shownRef = useRef(detail);
  shownRef.current = detail;
  const followAccess = useCallback(async () => {
    try {
      const d = await client.call('leads.detail', { id: leadId });
      const before = shownPhone2(shownRef.current?.lead);
      setForm((f) => (f.phone2 === before ? { ...f, phone2: shownPhone2(d.lead) } : f));
      setDetail(d);
    } catch (err) {
      setError(toApiError(err));
    }
  }, [client, leadId]);
  useWhenAccessChanges(useCallback(() => void followAccess(), [followAccess]));

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await load();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  if (!detail) {
    return (
      <aside className="drawer" aria-label={t('detail.title')}>
        {error ? <p role="alert">{t(`errors.code.${error.code}`)}</p> : <p>{t('app.loading')}</p>}
      </aside>
    );
  }
  const { lead } = detail;
  const fieldError = (path: string) => error?.fields?.find((f) => f.path === path)?.key;

  return (
    <aside
      className="drawer"
      aria-label={t('detail.title')}
      onKeyDown={(e) => e.key === 'Escape' && !recording && onClose()}
    >
      <header className="drawer__head">
        <div>
          <h2>{lead.name}</h2>
          <p className="mono">
            {formatPhone(lead.phone, lead.phoneAsGiven)} · {t(`stage.${lead.stage}`)}
            {lead.doNotCall && <span className="flag">{t('detail.doNotCallBadge')}</span>}
            {lead.phoneWrong && <span className="flag">{t('detail.phoneWrongBadge')}</span>}
          </p>
          <CallButton lead={lead} />
        </div>
        <button type="button" onClick={onClose}>
          {t('detail.close')}
        </button>
      </header>

      {recording ? (
        <DispositionPanel
          lead={lead}
          statuses={statuses}
          products={products}
          settings={settings}
          client={client}
          callId={callId}
          now={() => Date.now()}
          onClose={() => onRecording(false)}
          onSaved={(saved) => {
            onRecording(false);
            onSaved(saved);
            void load();
          }}
        />
      ) : (
        <button
          type="button"
          className="primary"
          title={t('detail.recordShortcut')}
          onClick={() => onRecording(true)}
        >
          {t('detail.record')}
        </button>
      )}

      <section>
        <label className="field">
          {t('detail.customerStatus')}
          <select
            value={lead.customerStatus ?? ''}
            onChange={(e) =>
              void run(() =>
                client.call('leads.setCustomerStatus', {
                  id: lead.id,
                  code: e.target.value || null,
                }),
              )
            }
          >
            <option value="">—</option>
            {customerStatuses(statuses).map((s) => (
              <option key={s.code} value={s.code}>
                {entryLabel(s, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="switch">
          <input
            type="checkbox"
            checked={lead.doNotCall}
            onChange={(e) =>
              void run(() =>
                client.call('leads.update', { id: lead.id, doNotCall: e.target.checked }),
              )
            }
          />{' '}
          {t('detail.doNotCall')}
        </label>
      </section>

      <form
        className="grid"
        aria-label={t('detail.contact')}
        onSubmit={(e) => {
          e.preventDefault();
          // A second number left as shown is not sent: masked, it would not even parse.
          const { phone2, ...rest } = form;
          const changes = phone2 === shownPhone2(lead) ? rest : { ...rest, phone2 };
          void run(() => client.call('leads.update', { id: lead.id, ...changes }));
        }}
      >
        {editable.map((f) => (
          <label key={f} className="field">
            {t(`detail.${f}`)}
            <input
              maxLength={LEAD_FIELD_LIMITS[f]}
              value={form[f] ?? ''}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
            />
            {f === 'note' && <CharCounter value={form[f] ?? ''} max={LEAD_FIELD_LIMITS[f]} />}
            {fieldError(f) && (
              <span className="field__error" role="alert">
                {t(`errors.${fieldError(f)}`)}
              </span>
            )}
          </label>
        ))}
        <button type="submit">{t('detail.save')}</button>
      </form>

      <form
        className="add-note"
        onSubmit={(e) => {
          e.preventDefault();
          if (!noteText.trim()) return;
          void run(async () => {
            await client.call('leads.addNote', {
              id: lead.id,
              text: noteText,
              idempotencyKey: noteKey.get(),
            });
            noteKey.done();
            setNoteText('');
          });
        }}
      >
        <input
          aria-label={t('detail.addNote')}
          placeholder={t('detail.notePlaceholder')}
          maxLength={TEXT_LIMITS.note}
          value={noteText}
          onChange={(e) => setNoteText(e.target.value)}
        />
        <CharCounter value={noteText} max={TEXT_LIMITS.note} />
        {fieldError('text') && (
          <span className="field__error" role="alert">
            {t(`errors.${fieldError('text')}`)}
          </span>
        )}
        <button type="submit">{t('detail.addNote')}</button>
      </form>

      {error && !error.fields?.length && (
        <p className="form__error" role="alert">
          {t(`errors.code.${error.code}`)}
        </p>
      )}
      <h3>{t('detail.timeline')}</h3>
      <Timeline items={detail.timeline} statuses={statuses} timeZone={settings.timeZone} />
    </aside>
  );
}
