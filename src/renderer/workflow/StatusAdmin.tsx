import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleKinds, type Rule, type RuleKind, type StatusEntry } from '../../shared/catalogue';
import type { Stage } from '../../shared/domain';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { createActionKey } from '../api/actionKey';
import { useCatalogue, useStores } from '../app/stores';
import { errorText } from '../ui/apiError';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { useAction, type Action } from '../ui/useAction';
import { Form } from '../ui/Form';
import { CustomerStatusOptions } from './CustomerStatusOptions';
import { StageOptions } from '../leads/StageOptions';

/** A row's save and the add form share the screen's one error line. */
type StatusAction = Action<'update' | 'add'>;

function StatusRow({ entry, action }: { entry: StatusEntry; action: StatusAction }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const [draft, setDraft] = useState({
    labelVi: entry.labelVi,
    labelEn: entry.labelEn,
    color: entry.color,
  });
  const hours = 'hours' in entry.rule ? entry.rule.hours : null;
  const [hoursDraft, setHoursDraft] = useState(hours);
  const update = (changes: Record<string, unknown>) =>
    action.run('update', () => client.call('statuses.update', { code: entry.code, ...changes }));
  return (
    <tr className={entry.active ? '' : 'retired'}>
      <td>
        {entry.kind === 'customer' ? t('admin.kindCustomer') : t(`stage.${entry.stage as Stage}`)}
      </td>
      <td>
        <input
          aria-label={t('admin.labelVi')}
          maxLength={TEXT_LIMITS.statusLabel}
          value={draft.labelVi}
          onChange={(e) => setDraft({ ...draft, labelVi: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={t('admin.labelEn')}
          maxLength={TEXT_LIMITS.statusLabel}
          value={draft.labelEn}
          onChange={(e) => setDraft({ ...draft, labelEn: e.target.value })}
        />
      </td>
      <td>
        <input
          type="color"
          aria-label={t('admin.color')}
          value={draft.color}
          onChange={(e) => setDraft({ ...draft, color: e.target.value })}
        />
      </td>
      <td>
        {t(`rule.${entry.rule.kind}`)}
        {hours !== null && (
          <input
            type="number"
            min={1}
            className="narrow"
            aria-label={t('admin.hours')}
            value={hoursDraft ?? ''}
            onChange={(e) => setHoursDraft(Number(e.target.value))}
          />
        )}
      </td>
      <td>{entry.builtin ? t('admin.builtin') : ''}</td>
      <td>
        <Button
          onClick={() =>
            void update({ ...draft, ...(hours !== null ? { hours: hoursDraft } : {}) })
          }
        >
          {t('admin.save')}
        </Button>
        {!entry.builtin && (
          <Button onClick={() => void update({ active: !entry.active })}>
            {entry.active ? t('admin.retire') : t('admin.restore')}
          </Button>
        )}
      </td>
    </tr>
  );
}

function ruleOf(kind: RuleKind, hours: number): Rule {
  switch (kind) {
    case 'callback_after_hours':
    case 'convert_contact':
      return { kind, hours };
    case 'create_order':
      return { kind, payment: 'pending' };
    default:
      return { kind };
  }
}

function AddStatus({ action }: { action: StatusAction }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const statuses = useCatalogue((s) => s.statuses);
  const [kind, setKind] = useState<'outcome' | 'customer'>('outcome');
  const [stage, setStage] = useState<Stage>('new');
  const [labelVi, setLabelVi] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const [color, setColor] = useState('#546e7a');
  const [rule, setRule] = useState<RuleKind>('none');
  const [hours, setHours] = useState(24);
  const [sets, setSets] = useState('');
  const [addKey] = useState(createActionKey);
  return (
    <Form
      className="admin-add"
      aria-label={t('admin.add')}
      onSubmit={() => {
        void action.run('add', async () => {
          await client.call('statuses.add', {
            kind,
            stage: kind === 'customer' ? null : stage,
            labelVi,
            labelEn: labelEn || labelVi,
            color,
            rule: kind === 'customer' ? { kind: 'none' } : ruleOf(rule, hours),
            setsCustomerStatus: kind === 'customer' ? null : sets || null,
            idempotencyKey: addKey.get(),
          });
          addKey.done();
          setLabelVi('');
          setLabelEn('');
        });
      }}
    >
      <h3>{t('admin.add')}</h3>
      <select
        aria-label={t('admin.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as 'outcome' | 'customer')}
      >
        <option value="outcome">{t('admin.kindOutcome')}</option>
        <option value="customer">{t('admin.kindCustomer')}</option>
      </select>
      {kind === 'outcome' && (
        <select
          aria-label={t('admin.stage')}
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage)}
        >
          <StageOptions />
        </select>
      )}
      <input
        aria-label={t('admin.labelVi')}
        placeholder={t('admin.labelVi')}
        maxLength={TEXT_LIMITS.statusLabel}
        value={labelVi}
        onChange={(e) => setLabelVi(e.target.value)}
      />
      <input
        aria-label={t('admin.labelEn')}
        placeholder={t('admin.labelEn')}
        maxLength={TEXT_LIMITS.statusLabel}
        value={labelEn}
        onChange={(e) => setLabelEn(e.target.value)}
      />
      <input
        type="color"
        aria-label={t('admin.color')}
        value={color}
        onChange={(e) => setColor(e.target.value)}
      />
      {kind === 'outcome' && (
        <>
          <select
            aria-label={t('admin.rule')}
            value={rule}
            onChange={(e) => setRule(e.target.value as RuleKind)}
          >
            {ruleKinds.map((r) => (
              <option key={r} value={r}>
                {t(`rule.${r}`)}
              </option>
            ))}
          </select>
          {(rule === 'callback_after_hours' || rule === 'convert_contact') && (
            <input
              type="number"
              min={1}
              className="narrow"
              aria-label={t('admin.hours')}
              value={hours}
              onChange={(e) => setHours(Number(e.target.value))}
            />
          )}
          <select
            aria-label={t('admin.setsCustomerStatus')}
            value={sets}
            onChange={(e) => setSets(e.target.value)}
          >
            <option value="">—</option>
            <CustomerStatusOptions statuses={statuses} />
          </select>
        </>
      )}
      <Button type="submit" variant="primary">
        {t('admin.add')}
      </Button>
    </Form>
  );
}

/** Statuses: rename, recolour, retime, add and retire them. */
export function StatusAdmin() {
  const { t } = useTranslation();
  const statuses = useCatalogue((s) => s.statuses);
  const action: StatusAction = useAction();
  return (
    <section>
      <h2>{t('admin.statuses')}</h2>
      <ErrorText>{action.error && errorText(t, action.error)}</ErrorText>
      <DataTable
        rows={statuses}
        headers={[
          ...['stage', 'labelVi', 'labelEn', 'color', 'rule'].map((k) => t(`admin.${k}`)),
          '',
          '',
        ]}
        row={(s) => (
          <StatusRow
            key={`${s.code}-${s.labelVi}-${s.labelEn}-${s.color}-${s.active}`}
            entry={s}
            action={action}
          />
        )}
      />
      <AddStatus action={action} />
    </section>
  );
}
