import { useTranslation } from 'react-i18next';
import { stages } from '../../shared/domain';

/** The lead stages as a select's options, in queue order. */
export function StageOptions() {
  const { t } = useTranslation();
  return stages.map((s) => (
    <option key={s} value={s}>
      {t(`stage.${s}`)}
    </option>
  ));
}
