import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { windowTitle } from '../reminders/remindersStore';
import { useReminders, useSettings } from './stores';

/**
 * The page follows the app: its language (and i18next's) the user's setting, its title (and so
 * the taskbar) the overdue callbacks.
 */
export function useDocument(): void {
  const { t, i18n } = useTranslation();
  const language = useSettings((s) => s.settings.language);
  const overdue = useReminders((s) => s.overdue);

  useEffect(() => {
    document.title = windowTitle(
      t('app.title'),
      overdue > 0 ? t('reminders.overdue', { count: overdue }) : null,
    );
  }, [t, overdue]);

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
}
