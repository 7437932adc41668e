import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, TeamAgent } from '../../shared/team/protocol';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores } from '../app/stores';
import { ConfirmButton } from '../ui/ConfirmButton';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { MessageText, type Message } from '../ui/MessageText';
import { useAction } from '../ui/useAction';
import { agentLabel } from './assignDraft';
import { teamErrorText } from './teamText';

interface Props {
  agents: TeamAgent[];
  devices: DeviceView[];
  onChanged(): void;
}

/** The computers connected to the team (an admin's): when they joined and were last seen; revoke. */
export function TeamDevices({ agents, devices, onChanged }: Props) {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const action = useAction<string>();
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const time = (ms: number | null) => (ms === null ? '—' : formatDateTime(ms, timeZone));
  return (
    <section className="team-devices" aria-labelledby="team-devices-title">
      <h3 id="team-devices-title">{t('team.devices.title')}</h3>
      <DataTable
        rows={devices}
        label={t('team.devices.label')}
        headers={[
          t('team.devices.agent'),
          t('team.devices.name'),
          t('team.devices.created'),
          t('team.devices.lastSeen'),
          t('team.devices.state'),
          '',
        ]}
        empty={<p>{t('team.devices.none')}</p>}
        row={(d) => (
          <tr key={d.id}>
            <td>{agentLabel(agents, d.agentId)}</td>
            <td>{d.name}</td>
            <td>{time(d.createdAt)}</td>
            <td>{time(d.lastSeenAt)}</td>
            <td>
              {d.revokedAt === null
                ? t('team.devices.activeState')
                : t('team.devices.revokedAt', { time: time(d.revokedAt) })}
            </td>
            <td>
              {d.revokedAt === null && (
                <ConfirmButton
                  label={t('team.devices.revoke')}
                  question={t('team.devices.revokeQuestion', { name: d.name })}
                  groupLabel={t('team.devices.revokeGroup', { name: d.name })}
                  yes={t('team.devices.revoke')}
                  no={t('team.devices.cancel')}
                  open={asking === d.id}
                  onOpenChange={(open) => setAsking(open ? d.id : null)}
                  onConfirm={() =>
                    void action
                      .run(d.id, async () => {
                        setMessage(null);
                        await client.call('team.revokeDevice', { deviceId: d.id });
                      })
                      .then((ok) => {
                        if (!ok) return;
                        setMessage({
                          text: t('team.devices.revoked', { name: d.name }),
                          error: false,
                        });
                        onChanged();
                      })
                  }
                />
              )}
            </td>
          </tr>
        )}
      />
      <ErrorText>{action.error && teamErrorText(t, action.error)}</ErrorText>
      <MessageText message={message} />
    </section>
  );
}
