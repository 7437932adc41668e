import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../shared/domain';

const names: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

export function LanguageSwitch({
  value,
  onChange,
}: {
  value: Language;
  onChange(l: Language): void;
}) {
  const { t } = useTranslation();
  return (
    <label className="language" title={t('app.language')}>
      <Languages className="icon" aria-hidden="true" focusable="false" />
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as Language)}
        aria-label={t('app.language')}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
