import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import { LEAD_FIELD_LIMITS } from '../../shared/textLimits';
import type { Client } from '../api/client';
import { createActionKey } from '../api/actionKey';
import { Button } from '../ui/Button';
import { CharCounter } from '../ui/CharCounter';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';

interface Props {
  client: Client;
  onSaved(lead: Lead): void;
  onCancel(): void;
  /** The number is already a lead: open that one instead of creating a second. */
  onOpenExisting(id: string): void;
}

const fields = ['name', 'phone', 'source', 'note'] as const;
type FieldName = (typeof fields)[number];

/** Maps an error from main onto the form: field messages where it names a field, else a banner. */
function fieldErrors(error: ApiError | null): Partial<Record<FieldName | 'form', string>> {
  if (!error) return {};
  const out: Partial<Record<FieldName | 'form', string>> = {};
  for (const f of error.fields ?? []) {
    const field = (fields as readonly string[]).includes(f.path) ? (f.path as FieldName) : 'form';
    out[field] ??= `errors.${f.key}`;
  }
  if (Object.keys(out).length === 0) out.form = `errors.code.${error.code}`;
  return out;
}

export function AddLeadForm({ client, onSaved, onCancel, onOpenExisting }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: '',
    phone: '',
    source: '',
    note: '',
  });
  const action = useAction<'save'>();
  const [saveKey] = useState(createActionKey);
  const { error } = action;
  const errors = fieldErrors(error);
  const existingId =
    error?.code === 'duplicate_lead' && typeof error.data?.leadId === 'string'
      ? error.data.leadId
      : null;

  function submit() {
    void action.run('save', async () => {
      const lead = await client.call('leads.add', { ...values, idempotencyKey: saveKey.get() });
      saveKey.done();
      onSaved(lead);
    });
  }

  const input = (
    field: FieldName,
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
      <Field id={id} label={label} error={message && t(message)}>
        {extra.multiline ? (
          <>
            <textarea {...props} rows={3} />
            <CharCounter value={values[field]} max={LEAD_FIELD_LIMITS[field]} />
          </>
        ) : (
          <input {...props} placeholder={extra.hint} autoFocus={field === 'name'} />
        )}
      </Field>
    );
  };

  return (
    <Form
      className="add-lead"
      aria-label={t('addLead.title')}
      onSubmit={submit}
      onEscape={onCancel}
      noValidate
    >
      <h2>{t('addLead.title')}</h2>
      {input('name', t('addLead.name'))}
      {input('phone', t('addLead.phone'), { hint: t('addLead.phoneHint') })}
      {input('source', t('addLead.source'))}
      {input('note', t('addLead.note'), { multiline: true })}
      <ErrorText>{errors.form && t(errors.form)}</ErrorText>
      {existingId && (
        <Button onClick={() => onOpenExisting(existingId)}>{t('addLead.openExisting')}</Button>
      )}
      <FormActions
        submit={t('addLead.save')}
        busyLabel={t('addLead.saving')}
        busy={action.busy !== null}
        cancel={{ label: t('addLead.cancel'), onClick: onCancel }}
      />
    </Form>
  );
}
