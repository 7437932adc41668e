import { useTranslation } from 'react-i18next';
import type { CustomerFields } from '../../shared/workflow';
import { LEAD_FIELD_LIMITS } from '../../shared/textLimits';
import { Field } from '../ui/Field';

interface Props {
  value: CustomerFields;
  errors: Record<string, string>;
  onChange(value: CustomerFields): void;
}

const textFields = ['name', 'phone2', 'province', 'district', 'address'] as const;
const labels: Record<(typeof textFields)[number], string> = {
  name: 'addLead.name',
  phone2: 'detail.phone2',
  province: 'detail.province',
  district: 'detail.district',
  address: 'detail.address',
};

/** The customer's details, filled in when a lead is converted. */
export function CustomerForm({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<CustomerFields>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="grid">
      <legend>{t('disposition.customer')}</legend>
      {textFields.map((f) => {
        const error = errors[`customer.${f}`];
        return (
          <Field key={f} label={t(labels[f])} error={error && t(error)}>
            <input
              maxLength={LEAD_FIELD_LIMITS[f]}
              value={value[f]}
              aria-invalid={error ? true : undefined}
              onChange={(e) => set({ [f]: e.target.value })}
            />
          </Field>
        );
      })}
      <Field label={t('detail.gender')}>
        <select
          value={value.gender}
          onChange={(e) => set({ gender: e.target.value as CustomerFields['gender'] })}
        >
          {(['', 'male', 'female', 'other'] as const).map((g) => (
            <option key={g} value={g}>
              {t(`gender.${g}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('detail.birthYear')}>
        <input
          type="number"
          min={1900}
          max={2100}
          value={value.birthYear ?? ''}
          onChange={(e) =>
            set({ birthYear: e.target.value === '' ? null : Number(e.target.value) })
          }
        />
      </Field>
    </fieldset>
  );
}
