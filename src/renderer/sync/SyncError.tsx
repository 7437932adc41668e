import { useTranslation } from 'react-i18next';
import { ErrorText } from '../ui/ErrorText';
import type { SyncActionName, SyncForm } from './bundles';
import { syncErrorText } from './syncErrorText';

/** The refusal of one of the sync screen's actions, under that action. */
export function SyncError({ action, name }: { action: SyncForm['action']; name: SyncActionName }) {
  const { t } = useTranslation();
  const error = action.errorOf(name);
  return <ErrorText>{error && syncErrorText(t, error)}</ErrorText>;
}
