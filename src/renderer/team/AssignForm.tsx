import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../shared/domain';
import type { AssignResponse, TeamAgent } from '../../shared/team/protocol';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { StageOptions } from '../leads/StageOptions';
import { useCatalogue, useStores } from '../app/stores';
import { Checkbox } from '../ui/Checkbox';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';
import { useAction } from '../ui/useAction';
import { CustomerStatusOptions } from '../workflow/CustomerStatusOptions';
import { agentLabel, assignRequestOf, emptyAssignDraft, type AssignDraft } from './assignDraft';
import { teamErrorText } from './teamText';

/**
 * "Giao data": leads from the team's pool, from anyone, or from one agent (a move, their
 * callbacks going with them), filtered by folder, source and customer status, to one agent or
 * dealt in turn to several. The leads reach the agents' screens at their next pull, at once.
 */
export function AssignForm({ agents }: { agents: TeamAgent[] }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const statuses = useCatalogue((s) => s.statuses);
  const action = useAction<'assign'>();
  const [draft, setDraft] = useState<AssignDraft>(emptyAssignDraft);
  const [done, setDone] = useState<AssignResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<AssignDraft>) => setDraft({ ...draft, ...change });
  const active = agents.filter((a) => a.active);

  return (
    <Form
      className="team-assign"
      aria-labelledby="team-assign-title"
      onSubmit={() => {
        setDone(null);
        const checked = assignRequestOf(draft);
        if (!checked.ok) {
          setProblem(
            checked.key === 'pickAgent' ? t('team.assign.pickAgent') : t('errors.invalid_value'),
          );
          return;
        }
        setProblem(null);
        void action.run('assign', async () => {
          setDone(await client.call('team.assign', checked.request));
        });
      }}
    >
      <h3 id="team-assign-title">{t('team.assign.title')}</h3>
      <fieldset>
        <legend>{t('team.assign.to')}</legend>
        <p className="hint">{t('team.assign.toHint')}</p>
        {active.length === 0 && <p>{t('team.assign.noAgents')}</p>}
        {active.map((a) => (
          <Checkbox
            key={a.id}
            className="team-assign__agent"
            label={`${a.name} (${a.code})`}
            checked={draft.to.includes(a.id)}
            onChange={(on) =>
              set({ to: on ? [...draft.to, a.id] : draft.to.filter((id) => id !== a.id) })
            }
          />
        ))}
      </fieldset>
      <Field id="team-assign-from" label={t('team.assign.from')}>
        <select
          id="team-assign-from"
          value={draft.from}
          onChange={(e) => set({ from: e.target.value })}
        >
          <option value="">{t('team.assign.fromPool')}</option>
          <option value="*">{t('team.assign.fromAny')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {t('team.assign.fromAgent', { name: `${a.name} (${a.code})` })}
            </option>
          ))}
        </select>
      </Field>
      <Field id="team-assign-stage" label={t('team.assign.stage')}>
        <select
          id="team-assign-stage"
          value={draft.stage}
          onChange={(e) => set({ stage: e.target.value as Stage | '' })}
        >
          <option value="">{t('team.assign.any')}</option>
          <StageOptions />
        </select>
      </Field>
      <Field id="team-assign-source" label={t('team.assign.source')}>
        <input
          id="team-assign-source"
          type="text"
          maxLength={TEXT_LIMITS.source}
          placeholder={t('team.assign.any')}
          value={draft.source}
          onChange={(e) => set({ source: e.target.value })}
        />
      </Field>
      <Field id="team-assign-status" label={t('team.assign.status')}>
        <select
          id="team-assign-status"
          value={draft.customerStatus}
          onChange={(e) => set({ customerStatus: e.target.value })}
        >
          <option value="*">{t('team.assign.any')}</option>
          <option value="">{t('team.assign.noStatus')}</option>
          <CustomerStatusOptions statuses={statuses} includeRetired />
        </select>
      </Field>
      <Field id="team-assign-limit" label={t('team.assign.limit')}>
        <input
          id="team-assign-limit"
          type="number"
          min={1}
          max={100_000}
          value={draft.limit}
          onChange={(e) => set({ limit: e.target.value })}
        />
      </Field>
      <FormActions
        submit={t('team.assign.submit')}
        busyLabel={t('team.assign.working')}
        busy={action.busy !== null}
      />
      <ErrorText>{problem ?? (action.error && teamErrorText(t, action.error))}</ErrorText>
      {done && (
        <p role="status" className="team-assign__result">
          {t('team.assign.result', { count: done.assigned })}
          {Object.keys(done.perAgent).length > 1 &&
            ` (${Object.entries(done.perAgent)
              .map(([id, n]) =>
                t('team.assign.perAgent', { name: agentLabel(agents, id), count: n }),
              )
              .join(', ')})`}
        </p>
      )}
    </Form>
  );
}
