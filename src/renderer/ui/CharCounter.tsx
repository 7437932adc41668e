import { useTranslation } from 'react-i18next';
import { COUNTER_FROM } from '../../shared/textLimits';

interface Props {
  value: string;
  max: number;
  id?: string;
}

/**
 * How many characters a long text has left, shown only near its limit: the field's
 * `maxLength` stops typing and cuts a paste there, and without a word that looks like a bug.
 */
export function CharCounter({ value, max, id }: Props) {
  const { t, i18n } = useTranslation();
  if (value.length < max * COUNTER_FROM) return null;
  const left = Math.max(0, max - value.length);
  return (
    <span id={id} className="field__counter" aria-live="polite">
      {t(left === 0 ? 'form.charsAtLimit' : 'form.charsLeft', {
        left: left.toLocaleString(i18n.language),
        max: max.toLocaleString(i18n.language),
      })}
    </span>
  );
}
