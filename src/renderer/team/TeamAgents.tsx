import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../shared/roles';
import type { DeviceView, TeamAgent } from '../../shared/team/protocol';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { MessageText, type Message } from '../ui/MessageText';
import { useAction } from '../ui/useAction';
import { devicesByAgent } from './assignDraft';
import { teamErrorText } from './teamText';

interface Props {
  agents: TeamAgent[];
  /** The devices (an admin's view), for each person's count and last sighting. */
  devices: DeviceView[] | null;
  /** An admin: each row's role and active state can be changed. */
  editable: boolean;
  onChanged(): void;
}

/** The people of the team: who they are, their role, whether they work, their devices. */
export function TeamAgents({ agents, devices, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const perAgent = devices ? devicesByAgent(devices) : null;
  const action = useAction<string>();
  const [message, setMessage] = useState<Message | null>(null);
  const headers = [
    t('team.agents.name'),
    t('team.agents.code'),
    t('team.agents.role'),
    t('team.agents.active'),
    ...(perAgent ? [t('team.agents.devices'), t('team.agents.lastSeen')] : []),
    ...(editable ? [''] : []),
  ];
  return (
    <section className="team-agents" aria-labelledby="team-agents-title">
      <h3 id="team-agents-title">{t('team.agents.title')}</h3>
      <DataTable
        rows={agents}
        label={t('team.agents.label')}
        headers={headers}
        empty={<p>{t('team.agents.none')}</p>}
        row={(a) => (
          <AgentRow
            key={a.id}
            agent={a}
            editable={editable}
            busy={action.busy !== null}
            onSave={(role, active) =>
              void action
                .run(a.id, async () => {
                  setMessage(null);
                  await client.call('team.setAgent', { id: a.id, role, active });
                })
                .then((ok) => {
                  if (!ok) return;
                  setMessage({ text: t('team.agents.saved', { name: a.name }), error: false });
                  onChanged();
                })
            }
          >
            {perAgent && (
              <>
                <td>{perAgent.get(a.id)?.active ?? 0}</td>
                <td>
                  {perAgent.get(a.id)?.lastSeenAt
                    ? formatDateTime(perAgent.get(a.id)!.lastSeenAt!, timeZone)
                    : '—'}
                </td>
              </>
            )}
          </AgentRow>
        )}
      />
      <ErrorText>{action.error && teamErrorText(t, action.error)}</ErrorText>
      <MessageText message={message} />
    </section>
  );
}

function AgentRow({
  agent,
  editable,
  busy,
  onSave,
  children,
}: {
  agent: TeamAgent;
  editable: boolean;
  busy: boolean;
  onSave(role: Role, active: boolean): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(agent.role);
  const [active, setActive] = useState(agent.active);
  const changed = role !== agent.role || active !== agent.active;
  return (
    <tr>
      <td>{agent.name}</td>
      <td>{agent.code}</td>
      <td>
        {editable ? (
          <select
            aria-label={t('team.agents.roleOf', { name: agent.name })}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`access.role.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`access.role.${agent.role}`)
        )}
      </td>
      <td>
        {editable ? (
          <input
            type="checkbox"
            aria-label={t('team.agents.activeOf', { name: agent.name })}
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
          />
        ) : agent.active ? (
          t('team.agents.yes')
        ) : (
          t('team.agents.no')
        )}
      </td>
      {children}
      {editable && (
        <td>
          <Button
            disabled={!changed || busy}
            aria-label={t('team.agents.saveOf', { name: agent.name })}
            onClick={() => onSave(role, active)}
          >
            {t('team.agents.save')}
          </Button>
        </td>
      )}
    </tr>
  );
}
