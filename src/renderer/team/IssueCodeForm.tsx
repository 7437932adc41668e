import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores } from '../app/stores';
import { fieldErrorKey } from '../ui/apiError';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';
import { useAction } from '../ui/useAction';
import { teamErrorText } from './teamText';

interface Issued {
  code: string;
  expiresAt: number;
  name: string;
  agentCode: string;
}

/**
 * "Cấp mã cho nhân viên": a one-time code bound to a person's name and agent code, shown big
 * to be read out or copied; the person's install connects with it. Only an admin makes
 * supervisors and admins, so a supervisor's form has no role to choose.
 */
export function IssueCodeForm({ isAdmin, onIssued }: { isAdmin: boolean; onIssued(): void }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const action = useAction<'issue'>();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [issued, setIssued] = useState<Issued | null>(null);
  const [copied, setCopied] = useState(false);
  const fieldError = (path: string) => {
    const key = fieldErrorKey(action.error, path);
    return key ? t(key) : undefined;
  };
  const problem = action.error && !action.error.fields?.length ? action.error : null;

  return (
    <Form
      className="team-issue"
      aria-labelledby="team-issue-title"
      onSubmit={() =>
        void action
          .run('issue', async () => {
            setIssued(null);
            setCopied(false);
            const r = await client.call('team.issueCode', { name, code, role });
            setIssued({ ...r, name: name.trim(), agentCode: code.trim() });
            setName('');
            setCode('');
          })
          .then((ok) => ok && onIssued())
      }
    >
      <h3 id="team-issue-title">{t('team.issue.title')}</h3>
      <Field id="team-issue-name" label={t('team.issue.name')} error={fieldError('name')}>
        <input
          id="team-issue-name"
          type="text"
          maxLength={TEXT_LIMITS.shortName}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id="team-issue-code" label={t('team.issue.code')} error={fieldError('code')}>
        <input
          id="team-issue-code"
          type="text"
          maxLength={TEXT_LIMITS.agentCode}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      {isAdmin && (
        <Field id="team-issue-role" label={t('team.issue.role')}>
          <select
            id="team-issue-role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            <option value="agent">{t('access.role.agent')}</option>
            <option value="supervisor">{t('access.role.supervisor')}</option>
            <option value="admin">{t('access.role.admin')}</option>
          </select>
        </Field>
      )}
      <FormActions
        submit={t('team.issue.submit')}
        busyLabel={t('team.issue.working')}
        busy={action.busy !== null}
      />
      <ErrorText>{problem && teamErrorText(t, problem)}</ErrorText>
      {issued && (
        <div className="team-issue__result" role="status">
          <p>{t('team.issue.result', { name: issued.name, code: issued.agentCode })}</p>
          <p className="team-issue__code" data-testid="issued-code">
            {issued.code}
          </p>
          <p>{t('team.issue.expires', { time: formatDateTime(issued.expiresAt, timeZone) })}</p>
          <Button
            onClick={() =>
              void navigator.clipboard
                .writeText(issued.code)
                .then(() => setCopied(true))
                .catch(() => setCopied(false))
            }
          >
            {copied ? t('team.issue.copied') : t('team.issue.copy')}
          </Button>
        </div>
      )}
    </Form>
  );
}
