import { useTranslation } from 'react-i18next';
import { useStores } from '../app/stores';
import { BackupList } from './BackupList';

/** Admin → "Sao lưu dữ liệu": the daily backups, one now, restore. */
export function BackupAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  return (
    <section>
      <h2>{t('backups.title')}</h2>
      <p className="hint">{t('backups.hint')}</p>
      <BackupList client={client} canCreate />
    </section>
  );
}
