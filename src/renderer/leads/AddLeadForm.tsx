import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import type { Client } from '../api/client';
import { createActionKey } from '../api/actionKey';
import { toApiError } from '../ui/apiError';
import { CharCounter } from '../ui/CharCounter';
import { LEAD_FIELD_LIMITS } from '../../shared/textLimits';

interface Props {
  client: Client;
  onSaved(lead: Lead): void;
  onCancel(): void;
  /** The number is already a lead: open that one instead of creating a second. */
  onOpenExisting(id: string): void;
}

const fields = ['name', 'phone', 'source', 'note'] as const;
type Field = (typeof fields)[number];

/** Maps an error from main onto the form: field messages where it names a field, else a banner. */
function fieldErrors(error: ApiError | null): Partial<Record<Field | 'form', string>> {
  if (!error) return {};
  const out: Partial<Record<Field | 'form', string>> = {};
  for (const f of error.fields ?? []) {
    const field = (fields as readonly string[]).includes(f.path) ? (f.path as Field) : 'form';
    out[field] ??= `errors.${f.key}`;
  }
  if (Object.keys(out).length === 0) out.form = `errors.code.${error.code}`;
  return out;
}

export function AddLeadForm({ client, onSaved, onCancel, onOpenExisting }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    phone: '',
    source: '',
    note: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveKey] = useState(createActionKey);
  const errors = fieldErrors(error);
  const existingId =
    error?.code === 'duplicate_lead' && typeof error.data?.leadId === 'string'
      ? error.data.leadId
      : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const lead = await client.call('leads.add', { ...values, idempotencyKey: saveKey.get() });
      saveKey.done();
      onSaved(lead);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  }

  const input = (
    field: Field,
    label: string,
    extra: { multiline?: boolean; hint?: string } = {},
  ) => {
    const id = `add-lead-${field}`;
    const message = errors[field];
    const props = {
      id,
      name: field,
      value: values[field],
      maxLength: LEAD_FIELD_LIMITS[field],
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? `${id}-error` : undefined,
      onChange: (e: { target: { value: string } }) =>
        setValues((v) => ({ ...v, [field]: e.target.value })),
    };
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {extra.multiline ? (
          <>
            <textarea {...props} rows={3} />
            <CharCounter value={values[field]} max={LEAD_FIELD_LIMITS[field]} />
          </>
        ) : (
          <input {...props} placeholder={extra.hint} autoFocus={field === 'name'} />
        )}
        {message && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {t(message)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      className="add-lead"
      aria-label={t('addLead.title')}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <h2>{t('addLead.title')}</h2>
      {input('name', t('addLead.name'))}
      {input('phone', t('addLead.phone'), { hint: t('addLead.phoneHint') })}
      {input('source', t('addLead.source'))}
      {input('note', t('addLead.note'), { multiline: true })}
      {errors.form && (
        <p className="form__error" role="alert">
          {t(errors.form)}
        </p>
      )}
      {existingId && (
        <button type="button" onClick={() => onOpenExisting(existingId)}>
          {t('addLead.openExisting')}
        </button>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('addLead.saving') : t('addLead.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('addLead.cancel')}
        </button>
      </div>
    </form>
  );
}
