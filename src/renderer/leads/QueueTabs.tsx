import { useTranslation } from 'react-i18next';
import { stages, type Stage, type StageCounts } from '../../shared/domain';
import { Button } from '../ui/Button';

interface Props {
  stage: Stage;
  counts: StageCounts;
  onSelect(stage: Stage): void;
}

export function QueueTabs({ stage, counts, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <div role="tablist" aria-label={t('queue.label')} className="tabs">
      {stages.map((s, i) => (
        <Button
          key={s}
          role="tab"
          id={`tab-${s}`}
          aria-selected={s === stage}
          aria-controls="queue-panel"
          className={s === stage ? 'tab tab--active' : 'tab'}
          title={`Alt+${i + 1}`}
          onClick={() => onSelect(s)}
        >
          {t(`stage.${s}`)} <span className="tab__count">{counts[s]}</span>
        </Button>
      ))}
    </div>
  );
}
