import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../shared/roles';
import { useAccess } from '../access/accessStore';
import { useStores, useTeam } from '../app/stores';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { useAction, useLoad } from '../ui/useAction';
import { AssignForm } from './AssignForm';
import { IssueCodeForm } from './IssueCodeForm';
import { TeamAgents } from './TeamAgents';
import { TeamDevices } from './TeamDevices';
import { teamErrorText } from './teamText';

/**
 * "Nhóm": the supervisor's view of the team on the server — its people, a one-time code for a
 * new one, and handing leads out or moving them on. An admin also sets roles and revokes
 * devices. Everything here is asked of the server at once; nothing waits in the outbox.
 */
export function TeamScreen() {
  const { t } = useTranslation();
  const { client } = useStores();
  const linked = useTeam((s) => s.status?.linked ?? null);
  const isAdmin = useAccess((s) => s.status !== null && roleAllows(s.status.role, 'admin'));
  const action = useAction<'load'>();
  const { run, fail } = action;
  const loaded = useLoad(
    useCallback(async () => {
      if (!linked) return null;
      const [agents, devices] = await Promise.all([
        client.call('team.agents', {}),
        isAdmin ? client.call('team.devices', {}) : Promise.resolve(null),
      ]);
      return { agents, devices };
    }, [client, linked, isAdmin]),
    null,
    useCallback((err: unknown) => fail('load', err), [fail]),
  );
  const reload = useCallback(() => void run('load', loaded.reload), [run, loaded.reload]);

  if (linked === null) return null;
  const value = loaded.value;
  return (
    <main className="team-screen">
      <h2>{t('team.screen.title')}</h2>
      {!linked ? (
        <p>{t('team.screen.notLinked')}</p>
      ) : (
        <>
          <ErrorText>{action.error && teamErrorText(t, action.error)}</ErrorText>
          {value === null ? (
            <p role="status">{t('team.screen.loading')}</p>
          ) : (
            <>
              <TeamAgents
                agents={value.agents}
                devices={value.devices}
                editable={isAdmin}
                onChanged={reload}
              />
              <div className="team-screen__forms">
                <IssueCodeForm isAdmin={isAdmin} onIssued={reload} />
                <AssignForm agents={value.agents} />
              </div>
              {value.devices && (
                <TeamDevices agents={value.agents} devices={value.devices} onChanged={reload} />
              )}
            </>
          )}
          <Button onClick={reload} disabled={action.busy !== null}>
            {t('team.screen.reload')}
          </Button>
        </>
      )}
    </main>
  );
}
