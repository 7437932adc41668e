import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores, useTeam } from '../app/stores';
import { fieldErrorKey } from '../ui/apiError';
import { Button } from '../ui/Button';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';
import { MessageText, type Message } from '../ui/MessageText';
import { useAction } from '../ui/useAction';
import { lastErrorText, teamErrorText } from './teamText';

/**
 * "Máy chủ nhóm": the admin links this install to a team server with a one-time code, sees
 * how the link is doing, syncs at once, or unlinks (the data on this computer stays).
 */
export function TeamAdmin() {
  const { t } = useTranslation();
  const { client, team } = useStores();
  const status = useTeam((s) => s.status);
  const timeZone = useSettings((s) => s.settings.timeZone);
  const action = useAction<'connect' | 'disconnect' | 'sync'>();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  const connect = () =>
    void action.run('connect', async () => {
      setMessage(null);
      const s = await client.call('team.connect', { serverUrl, code });
      team.getState().apply(s);
      setCode('');
      setMessage({ text: t('team.connected', { team: s.teamName ?? '' }), error: false });
    });
  const error = action.error;
  const fieldError = (path: string) => {
    const key = fieldErrorKey(error, path);
    return key ? t(key) : undefined;
  };
  const problem = error && !error.fields?.length ? teamErrorText(t, error) : null;

  return (
    <section className="team-admin" aria-labelledby="team-admin-title">
      <h2 id="team-admin-title">{t('team.title')}</h2>
      <p className="hint">{t('team.intro')}</p>
      {status?.linked ? (
        <>
          <dl className="team-admin__facts">
            <dt>{t('team.stateLabel')}</dt>
            <dd data-testid="team-state">{t(`team.state.${status.state}`)}</dd>
            <dt>{t('team.teamName')}</dt>
            <dd>{status.teamName ?? '—'}</dd>
            <dt>{t('team.role')}</dt>
            <dd>{status.role ? t(`access.role.${status.role}`) : '—'}</dd>
            <dt>{t('team.server')}</dt>
            <dd>{status.serverUrl}</dd>
            <dt>{t('team.lastSync')}</dt>
            <dd>
              {status.lastSyncAt === null
                ? t('team.never')
                : formatDateTime(status.lastSyncAt, timeZone)}
            </dd>
            <dt>{t('team.pending')}</dt>
            <dd>{status.pending}</dd>
            {status.lastError && (
              <>
                <dt>{t('team.lastError')}</dt>
                <dd>{lastErrorText(t, status.lastError)}</dd>
              </>
            )}
          </dl>
          {status.uploading && <p role="status">{t('team.uploading')}</p>}
          <div className="actions">
            <Button
              variant="primary"
              disabled={action.busy !== null || status.state === 'revoked'}
              onClick={() =>
                void action.run('sync', async () => {
                  setMessage(null);
                  await team.getState().syncNow();
                })
              }
            >
              {action.busy === 'sync' ? t('team.syncing') : t('team.syncNow')}
            </Button>
            <ConfirmButton
              label={t('team.disconnect')}
              question={t('team.disconnectQuestion')}
              groupLabel={t('team.disconnectGroup')}
              yes={t('team.disconnect')}
              no={t('team.cancel')}
              onConfirm={() =>
                void action.run('disconnect', async () => {
                  team.getState().apply(await client.call('team.disconnect', {}));
                  setMessage({ text: t('team.disconnected'), error: false });
                })
              }
            />
          </div>
          <ErrorText>{problem}</ErrorText>
        </>
      ) : (
        <Form aria-labelledby="team-admin-title" onSubmit={connect}>
          <Field
            id="team-server-url"
            label={t('team.serverUrl')}
            hint={t('team.serverUrlHint')}
            error={fieldError('serverUrl')}
          >
            <input
              id="team-server-url"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              maxLength={TEXT_LIMITS.url}
              value={serverUrl}
              aria-describedby="team-server-url-hint"
              aria-invalid={fieldError('serverUrl') ? true : undefined}
              onChange={(e) => setServerUrl(e.target.value)}
            />
          </Field>
          <Field
            id="team-code"
            label={t('team.code')}
            hint={t('team.codeHint')}
            error={fieldError('code')}
          >
            <input
              id="team-code"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              value={code}
              aria-describedby="team-code-hint"
              aria-invalid={fieldError('code') ? true : undefined}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <FormActions
            submit={t('team.connect')}
            busyLabel={t('team.connecting')}
            busy={action.busy === 'connect'}
          />
          <ErrorText>{problem}</ErrorText>
        </Form>
      )}
      <MessageText message={message} />
    </section>
  );
}
