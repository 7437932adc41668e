import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language, Lead, Settings } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import type { OrderDraft, Product } from '../../shared/orders';
import type { CustomerFields } from '../../shared/workflow';
import type { Client } from '../api/client';
import { createActionKey } from '../api/actionKey';
import { entryLabel, outcomesFor } from './catalogueStore';
import { toApiError } from '../ui/apiError';
import { CallbackPicker } from './CallbackPicker';
import { CustomerForm } from './CustomerForm';
import { emptyItem, OrderForm } from '../orders/OrderForm';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { CharCounter } from '../ui/CharCounter';

interface Props {
  lead: Lead;
  statuses: readonly StatusEntry[];
  products: readonly Product[];
  settings: Settings;
  client: Client;
  /** The softphone's call record, when the panel opened at hang-up. */
  callId?: string | null;
  now(): number;
  onSaved(lead: Lead): void;
  onClose(): void;
}

function customerOf(lead: Lead): CustomerFields {
  return {
    name: lead.name,
    phone2: lead.phone2 ?? '',
    gender: lead.gender,
    birthYear: lead.birthYear,
    province: lead.province,
    district: lead.district,
    address: lead.address,
  };
}

function isTextEntry(target: EventTarget): boolean {
  const el = target as HTMLElement;
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) &&
    (el as HTMLInputElement).type !== 'checkbox'
  );
}

/** Maps `fields` of an error from main to i18n keys by input path. */
function errorsByField(error: ApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error?.fields ?? []) out[f.path] ??= `errors.${f.key}`;
  return out;
}

/**
 * The disposition panel: the outcomes of the lead's stage (keys 1–9), the callback time, the
 * customer form on convert, the order form on a sale; Enter saves the whole thing at once.
 */
export function DispositionPanel({
  lead,
  statuses,
  products,
  settings,
  client,
  callId,
  now,
  onSaved,
  onClose,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const options = useMemo(() => outcomesFor(statuses, lead.stage), [statuses, lead.stage]);
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [callbackAt, setCallbackAt] = useState<number | null>(null);
  const [consent, setConsent] = useState(false);
  const [customer, setCustomer] = useState<CustomerFields>(() => customerOf(lead));
  const [withOrder, setWithOrder] = useState(false);
  const [order, setOrder] = useState<OrderDraft>(() => ({
    items: [emptyItem()],
    deliveryAddress: [lead.address, lead.district, lead.province].filter(Boolean).join(', '),
    payment: 'pending',
    note: '',
  }));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per outcome being recorded: a retry after a lost reply cannot record it twice.
  const [saveKey] = useState(createActionKey);
  useEffect(() => saveKey.done(), [saveKey, lead.id, callId]);
  const entry = options.find((o) => o.code === code) ?? null;
  const rule = entry?.rule;
  const errors = errorsByField(error);
  const showOrder =
    rule?.kind === 'create_order' || (rule?.kind === 'convert_contact' && withOrder);

  useEffect(() => {
    setError(null);
  }, [code]);
  // Focus the panel when it opens, so 1–9 and Enter work at once.
  const formRef = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    formRef.current?.focus();
  }, []);

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (!entry || saving) {
      if (!entry)
        setError({
          code: 'invalid_input',
          message: '',
          fields: [{ path: 'statusCode', key: 'pick' }],
        });
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const result = await client.call('dispositions.save', {
        leadId: lead.id,
        statusCode: entry.code,
        callId: callId ?? null,
        note,
        callbackAt: rule?.kind === 'callback_at_agent_time' ? callbackAt : null,
        consentOutsideHours: consent,
        customer:
          rule?.kind === 'convert_contact' || rule?.kind === 'create_order' ? customer : null,
        order: showOrder
          ? { ...order, items: order.items.filter((i) => i.productName.trim() !== '') }
          : null,
        idempotencyKey: saveKey.get(),
      });
      saveKey.done();
      onSaved(result.lead);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    // Enter saves from anywhere but the note (Space still presses a focused button).
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName !== 'TEXTAREA') {
      e.preventDefault();
      void save();
      return;
    }
    if (/^[1-9]$/.test(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey && !isTextEntry(e.target)) {
      const pick = options[Number(e.key) - 1];
      if (pick) {
        e.preventDefault();
        setCode(pick.code);
      }
    }
  }

  const statusError = errors.statusCode === 'errors.pick' ? 'disposition.pick' : errors.statusCode;
  return (
    <form
      className="disposition"
      aria-label={t('disposition.title', { name: lead.name })}
      onSubmit={save}
      onKeyDown={onKeyDown}
      tabIndex={-1}
      ref={formRef}
    >
      <h2>{t('disposition.title', { name: lead.name })}</h2>
      <p className="hint">{t('disposition.hint')}</p>
      <div role="radiogroup" aria-label={t('column.nextAction')} className="outcomes">
        {options.map((o, i) => (
          <button
            type="button"
            role="radio"
            aria-checked={o.code === code}
            key={o.code}
            className={o.code === code ? 'outcome outcome--on' : 'outcome'}
            style={{ borderColor: o.color }}
            onClick={() => setCode(o.code)}
          >
            <kbd>{i + 1}</kbd> {entryLabel(o, lang)}
          </button>
        ))}
      </div>
      {statusError && (
        <p className="field__error" role="alert">
          {t(statusError)}
        </p>
      )}
      {rule?.kind === 'callback_at_agent_time' && (
        <CallbackPicker
          value={callbackAt}
          now={now()}
          timeZone={settings.timeZone}
          callingWindow={settings.callingWindow}
          consent={consent}
          error={errors.callbackAt}
          onChange={setCallbackAt}
          onConsent={setConsent}
        />
      )}
      {(rule?.kind === 'callback_after_hours' ||
        (rule?.kind === 'convert_contact' && !withOrder)) && (
        <p className="hint">{t('disposition.autoCallback', { hours: rule.hours })}</p>
      )}
      {rule?.kind === 'none' && <p className="hint">{t('disposition.noNextAction')}</p>}
      {rule?.kind === 'convert_contact' && (
        <>
          <CustomerForm value={customer} errors={errors} onChange={setCustomer} />
          <label className="switch">
            <input
              type="checkbox"
              checked={withOrder}
              onChange={(e) => setWithOrder(e.target.checked)}
            />{' '}
            {t('disposition.createOrder')}
          </label>
        </>
      )}
      {showOrder && (
        <OrderForm
          value={order}
          products={products}
          paymentFixed={rule?.kind === 'create_order' ? rule.payment : null}
          errors={errors}
          onChange={setOrder}
        />
      )}
      <label className="field">
        {t('disposition.note')}
        <textarea
          rows={2}
          maxLength={TEXT_LIMITS.note}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <CharCounter value={note} max={TEXT_LIMITS.note} />
        {errors.note && (
          <span className="field__error" role="alert">
            {t(errors.note)}
          </span>
        )}
      </label>
      {error && !error.fields?.length && (
        <p className="form__error" role="alert">
          {t(`errors.code.${error.code}`)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('disposition.saving') : t('disposition.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('disposition.cancel')}
        </button>
      </div>
    </form>
  );
}
