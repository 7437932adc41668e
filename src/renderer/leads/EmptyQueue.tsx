import { useTranslation } from 'react-i18next';
import type { Stage } from '../../shared/domain';
import { Button } from '../ui/Button';

export function EmptyQueue({ stage, onAdd }: { stage: Stage; onAdd(): void }) {
  const { t } = useTranslation();
  return (
    <div className="empty" role="status">
      <h2>{t('empty.title')}</h2>
      <p>{stage === 'new' ? t('empty.new') : t('empty.other')}</p>
      {stage === 'new' && (
        <Button variant="primary" onClick={onAdd}>
          {t('empty.add')}
        </Button>
      )}
    </div>
  );
}
