import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain';
import { en } from './en';
import { vi } from './vi';

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

export function createI18n(language: Language = 'vi'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
