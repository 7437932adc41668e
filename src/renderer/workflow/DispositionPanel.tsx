import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language, Lead, Settings } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import type { OrderDraft, Product } from '../../shared/orders';
import type { CustomerFields } from '../../shared/workflow';
import { ApiCallError, type Client } from '../api/client';
import { createActionKey } from '../api/actionKey';
import { entryLabel, outcomesFor } from './catalogueStore';
import { CallbackPicker } from './CallbackPicker';
import { CustomerForm } from './CustomerForm';
import { emptyItem, OrderForm } from '../orders/OrderForm';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { Button } from '../ui/Button';
import { CharCounter } from '../ui/CharCounter';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';
import { Checkbox } from '../ui/Checkbox';

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

/** Saving with no outcome chosen: said where the outcomes are. */
const PICK_ONE = new ApiCallError({
  code: 'invalid_input',
  message: '',
  fields: [{ path: 'statusCode', key: 'pick' }],
});

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
  const action = useAction<'save'>();
  const { error } = action;
  // One key per outcome being recorded: a retry after a lost reply cannot record it twice.
  const [saveKey] = useState(createActionKey);
  useEffect(() => saveKey.done(), [saveKey, lead.id, callId]);
  const entry = options.find((o) => o.code === code) ?? null;
  const rule = entry?.rule;
  const errors = errorsByField(error);
  const showOrder =
    rule?.kind === 'create_order' || (rule?.kind === 'convert_contact' && withOrder);

  /** A new outcome starts with no refusal shown. */
  const pick = (next: string) => {
    if (next !== code) action.clear();
    setCode(next);
  };
  // Focus the panel when it opens, so 1–9 and Enter work at once.
  const formRef = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    formRef.current?.focus();
  }, []);

  async function save() {
    if (!entry || action.busy) {
      if (!entry) action.fail('save', PICK_ONE);
      return;
    }
    await action.run('save', async () => {
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
    });
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
      const option = options[Number(e.key) - 1];
      if (option) {
        e.preventDefault();
        pick(option.code);
      }
    }
  }

  const statusError = errors.statusCode === 'errors.pick' ? 'disposition.pick' : errors.statusCode;
  return (
    <Form
      className="disposition"
      aria-label={t('disposition.title', { name: lead.name })}
      onSubmit={() => void save()}
      onKeyDown={onKeyDown}
      tabIndex={-1}
      ref={formRef}
    >
      <h2>{t('disposition.title', { name: lead.name })}</h2>
      <p className="hint">{t('disposition.hint')}</p>
      <div role="radiogroup" aria-label={t('column.nextAction')} className="outcomes">
        {options.map((o, i) => (
          <Button
            role="radio"
            aria-checked={o.code === code}
            key={o.code}
            className={o.code === code ? 'outcome outcome--on' : 'outcome'}
            style={{ borderColor: o.color }}
            onClick={() => pick(o.code)}
          >
            <kbd>{i + 1}</kbd> {entryLabel(o, lang)}
          </Button>
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
          <Checkbox
            className="switch"
            label={t('disposition.createOrder')}
            checked={withOrder}
            onChange={setWithOrder}
          />
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
      <Field label={t('disposition.note')} error={errors.note && t(errors.note)}>
        <textarea
          rows={2}
          maxLength={TEXT_LIMITS.note}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <CharCounter value={note} max={TEXT_LIMITS.note} />
      </Field>
      <ErrorText>{error && !error.fields?.length && t(`errors.code.${error.code}`)}</ErrorText>
      <FormActions
        submit={t('disposition.save')}
        busyLabel={t('disposition.saving')}
        busy={action.busy !== null}
        cancel={{ label: t('disposition.cancel'), onClick: onClose }}
      />
    </Form>
  );
}
