import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import type { SyncActionName, SyncForm } from './bundles';
import { syncErrorText } from './syncErrorText';

/** The refusal of one of the sync screen's actions, under that action. */
export function SyncError({ action, name }: { action: SyncForm['action']; name: SyncActionName }) {
  const { t } = useTranslation();
  const error = action.errorOf(name);
  return <ErrorText>{error && syncErrorText(t, error)}</ErrorText>;
}

interface SubmitProps extends SyncForm {
  name: SyncActionName;
  label: string;
  /** The form has what it needs (a file chosen, an agent code typed). */
  ready: boolean;
  /** What the last run did, in words, once it went through. */
  result?: ReactNode;
}

/**
 * A sync form's button and what became of it: off while any sync action runs (one at a time),
 * "Đang xử lý…" on the one running, its refusal or its result under it.
 */
export function SyncSubmit({ action, name, label, ready, result }: SubmitProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button type="submit" variant="primary" disabled={action.busy !== null || !ready}>
        {action.busy === name ? t('sync.working') : label}
      </Button>
      <SyncError action={action} name={name} />
      {result && (
        <p role="status" className="sync-result">
          {result}
        </p>
      )}
    </>
  );
}
