import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../shared/domain';
import type { Agent, BundleSummary } from '../../shared/syncApi';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { useCatalogue, useStores } from '../app/stores';
import { Field } from '../ui/Field';
import { folderOf, namedFile, type SyncForm } from './bundles';
import { SigningKeyNote } from './SigningKeyNote';
import { Form } from '../ui/Form';
import { CustomerStatusOptions } from '../workflow/CustomerStatusOptions';
import { StageOptions } from '../leads/StageOptions';
import { SyncSubmit } from './SyncSubmit';

interface Assignment {
  agentCode: string;
  stage: Stage | '';
  source: string;
  /** '*': any; '': leads with no customer status. */
  customerStatus: string;
  fileName: string;
}

const noAssignment: Assignment = {
  agentCode: '',
  stage: '',
  source: '',
  customerStatus: '*',
  fileName: '',
};

/** "Giao data": a supervisor hands the leads matching a filter to an agent, as a signed list. */
export function AssignLeadsForm({
  action,
  run,
  agent,
  agents,
}: SyncForm & { agent: Agent | null; agents: Agent[] }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const statuses = useCatalogue((s) => s.statuses);
  const [assign, setAssign] = useState(noAssignment);
  const [assigned, setAssigned] = useState<BundleSummary | null>(null);
  const set = (change: Partial<Assignment>) => setAssign({ ...assign, ...change });
  return (
    <Form
      aria-labelledby="sync-assign-title"
      onSubmit={() => {
        void run('assign', async () => {
          setAssigned(
            await client.call('sync.assignLeads', {
              agentCode: assign.agentCode,
              ...namedFile(assign.fileName),
              filter: {
                stage: assign.stage === '' ? null : assign.stage,
                source: assign.source.trim() === '' ? null : assign.source.trim(),
                customerStatus: assign.customerStatus === '*' ? null : assign.customerStatus,
              },
            }),
          );
        });
      }}
    >
      <fieldset>
        <legend id="sync-assign-title">{t('sync.assignTitle')}</legend>
        <Field id="sync-assign-agent" label={t('sync.assignAgent')}>
          <input
            id="sync-assign-agent"
            type="text"
            list="sync-known-agents"
            maxLength={TEXT_LIMITS.agentCode}
            value={assign.agentCode}
            onChange={(e) => set({ agentCode: e.target.value })}
          />
          <datalist id="sync-known-agents">
            {agents.map((a) => (
              <option key={a.id} value={a.code}>
                {a.name}
              </option>
            ))}
          </datalist>
        </Field>
        <Field id="sync-assign-stage" label={t('sync.assignStage')}>
          <select
            id="sync-assign-stage"
            value={assign.stage}
            onChange={(e) => set({ stage: e.target.value as Stage | '' })}
          >
            <option value="">{t('sync.any')}</option>
            <StageOptions />
          </select>
        </Field>
        <Field id="sync-assign-source" label={t('sync.assignSource')}>
          <input
            id="sync-assign-source"
            type="text"
            maxLength={TEXT_LIMITS.source}
            value={assign.source}
            placeholder={t('sync.any')}
            onChange={(e) => set({ source: e.target.value })}
          />
        </Field>
        <Field id="sync-assign-status" label={t('sync.assignStatus')}>
          <select
            id="sync-assign-status"
            value={assign.customerStatus}
            onChange={(e) => set({ customerStatus: e.target.value })}
          >
            <option value="*">{t('sync.any')}</option>
            <option value="">{t('sync.noStatus')}</option>
            <CustomerStatusOptions statuses={statuses} includeRetired />
          </select>
        </Field>
        <Field id="sync-assign-name" label={t('sync.fileName')}>
          <input
            id="sync-assign-name"
            type="text"
            maxLength={TEXT_LIMITS.fileName}
            value={assign.fileName}
            placeholder={`${assign.agentCode || '…'}-….lpbundle`}
            onChange={(e) => set({ fileName: e.target.value })}
          />
        </Field>
        <SigningKeyNote />
        <SyncSubmit
          action={action}
          run={run}
          name="assign"
          label={t('sync.assign')}
          ready={agent !== null && assign.agentCode.trim() !== ''}
          result={
            assigned && (
              <>
                {t('sync.assigned', {
                  count: assigned.counts.leads ?? 0,
                  code: assign.agentCode,
                  file: assigned.fileName,
                  folder: folderOf(assigned),
                })}
                {assigned.signedBy && (
                  <> {t('sync.key.signedWith', { fingerprint: assigned.signedBy.fingerprint })}</>
                )}
              </>
            )
          }
        />
      </fieldset>
    </Form>
  );
}
