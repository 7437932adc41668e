import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail as Detail } from '../../shared/api';
import type { Lead } from '../../shared/domain';
import { formatPhone } from '../../shared/phone';
import { useWhenAccessChanges } from '../access/accessStore';
import { useCatalogue, useSettings, useStores } from '../app/stores';
import { createActionKey } from '../api/actionKey';
import { DispositionPanel } from '../workflow/DispositionPanel';
import { CallButton } from '../phone/CallButton';
import { Timeline } from './Timeline';
import { LEAD_FIELD_LIMITS, TEXT_LIMITS } from '../../shared/textLimits';
import { CharCounter } from '../ui/CharCounter';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { fieldErrorKey } from '../ui/apiError';
import { useAction } from '../ui/useAction';
import { Form } from '../ui/Form';
import { Checkbox } from '../ui/Checkbox';
import { CustomerStatusOptions } from '../workflow/CustomerStatusOptions';

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
  const { t } = useTranslation();
  const { client } = useStores();
  const statuses = useCatalogue((s) => s.statuses);
  const products = useCatalogue((s) => s.products);
  const settings = useSettings((s) => s.settings);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [form, setForm] = useState<Record<string, string>>({});
  const action = useAction<'load' | 'change'>();
  const { error, fail, run: runAction } = action;
  const [noteText, setNoteText] = useState('');
  const [noteKey] = useState(createActionKey);

  const load = useCallback(
    () =>
      client.call('leads.detail', { id: leadId }).then((d) => {
        setDetail(d);
        setForm({
          phone2: shownPhone2(d.lead),
          province: d.lead.province,
          district: d.lead.district,
          address: d.lead.address,
          note: d.lead.note,
        });
      }),
    [client, leadId],
  );
  const reload = useCallback(() => load().catch((err: unknown) => fail('load', err)), [load, fail]);
  useEffect(() => {
    void reload();
  }, [reload]);

  // Masking switched on (or an admin session locked) while this lead is open: show it as this
  // connection may now see it. What the agent is typing stays; an untouched second number follows.
  const shown = useRef(detail);
  useEffect(() => {
    shown.current = detail;
  });
  const followAccess = useCallback(
    () =>
      client
        .call('leads.detail', { id: leadId })
        .then((d) => {
          const before = shownPhone2(shown.current?.lead);
          setForm((f) => (f.phone2 === before ? { ...f, phone2: shownPhone2(d.lead) } : f));
          setDetail(d);
        })
        .catch((err: unknown) => fail('load', err)),
    [client, leadId, fail],
  );
  useWhenAccessChanges(useCallback(() => void followAccess(), [followAccess]));

  /** A change to the lead, then the lead read again; a refusal shows under the form. */
  const run = (work: () => Promise<unknown>) =>
    runAction('change', async () => {
      await work();
      await load();
    });

  if (!detail) {
    return (
      <aside className="drawer" aria-label={t('detail.title')}>
        {error ? <p role="alert">{t(`errors.code.${error.code}`)}</p> : <p>{t('app.loading')}</p>}
      </aside>
    );
  }
  const { lead } = detail;
  const fieldError = (path: string) => {
    const key = fieldErrorKey(error, path);
    return key && t(key);
  };

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
        <Button onClick={onClose}>{t('detail.close')}</Button>
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
            void reload();
          }}
        />
      ) : (
        <Button
          variant="primary"
          title={t('detail.recordShortcut')}
          onClick={() => onRecording(true)}
        >
          {t('detail.record')}
        </Button>
      )}

      <section>
        <Field label={t('detail.customerStatus')}>
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
            <CustomerStatusOptions statuses={statuses} />
          </select>
        </Field>
        <Checkbox
          className="switch"
          label={t('detail.doNotCall')}
          checked={lead.doNotCall}
          onChange={(checked) =>
            void run(() => client.call('leads.update', { id: lead.id, doNotCall: checked }))
          }
        />
      </section>

      <Form
        className="grid"
        aria-label={t('detail.contact')}
        onSubmit={() => {
          // A second number left as shown is not sent: masked, it would not even parse.
          const { phone2, ...rest } = form;
          const changes = phone2 === shownPhone2(lead) ? rest : { ...rest, phone2 };
          void run(() => client.call('leads.update', { id: lead.id, ...changes }));
        }}
      >
        {editable.map((f) => (
          <Field key={f} label={t(`detail.${f}`)} error={fieldError(f)}>
            <input
              maxLength={LEAD_FIELD_LIMITS[f]}
              value={form[f] ?? ''}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
            />
            {f === 'note' && <CharCounter value={form[f] ?? ''} max={LEAD_FIELD_LIMITS[f]} />}
          </Field>
        ))}
        <Button type="submit">{t('detail.save')}</Button>
      </Form>

      <Form
        className="add-note"
        onSubmit={() => {
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
            {fieldError('text')}
          </span>
        )}
        <Button type="submit">{t('detail.addNote')}</Button>
      </Form>

      <ErrorText>{error && !error.fields?.length && t(`errors.code.${error.code}`)}</ErrorText>
      <h3>{t('detail.timeline')}</h3>
      <Timeline items={detail.timeline} statuses={statuses} timeZone={settings.timeZone} />
    </aside>
  );
}
