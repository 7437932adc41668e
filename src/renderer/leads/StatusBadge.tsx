import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language } from '../../shared/domain';
import { statusColor, statusLabel } from '../workflow/catalogueStore';

export function StatusBadge({
  statuses,
  code,
}: {
  statuses: readonly StatusEntry[];
  code: string | null;
}) {
  const { i18n } = useTranslation();
  if (!code) return null;
  const color = statusColor(statuses, code) ?? '#757575';
  return (
    <span className="badge" style={{ borderColor: color, color }}>
      {statusLabel(statuses, code, i18n.language as Language)}
    </span>
  );
}
