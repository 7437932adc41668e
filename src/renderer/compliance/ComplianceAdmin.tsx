import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DncEntry, DncRegisterInfo } from '../../shared/api/compliance';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { formatDateTime } from '../../shared/time';
import { formatPhone } from '../../shared/phone';
import { roleAllows } from '../../shared/roles';
import { useAccess } from '../access/accessStore';
import { uploadFile } from '../api/uploadFile';
import { useSettings, useStores } from '../app/stores';
import { errorText } from '../ui/apiError';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';
import { useAction, useLoad } from '../ui/useAction';

/** Compliance (Decree 91/2020): the rules as an admin reads them, and the do-not-call lists. */
export function ComplianceAdmin() {
  const { t } = useTranslation();
  const role = useAccess((s) => s.status?.role);
  // Supervisors keep the lists; the admin screen's own gate offers the PIN to anyone else.
  if (!role || !roleAllows(role, 'supervisor')) return null;
  return (
    <section className="compliance-admin" aria-labelledby="compliance-title">
      <h2 id="compliance-title">{t('compliance.title')}</h2>
      <Rules />
      <TeamList />
      <NationalRegister />
    </section>
  );
}

function Rules() {
  const { t } = useTranslation();
  const { client } = useStores();
  const on = useSettings((s) => s.settings.repeatCallRule);
  const action = useAction<'save'>();
  return (
    <div className="compliance-rules">
      <h3>{t('compliance.rulesTitle')}</h3>
      <p>{t('compliance.rule.dnc')}</p>
      <p>{t('compliance.rule.repeat')}</p>
      <p className="hint">{t('compliance.rule.notLegalAdvice')}</p>
      <Checkbox
        className="switch"
        label={t('compliance.repeatRuleOn')}
        checked={on}
        onChange={(checked) =>
          void action.run('save', () => client.call('settings.update', { repeatCallRule: checked }))
        }
      />
      <ErrorText>{action.error && errorText(t, action.error)}</ErrorText>
    </div>
  );
}

function TeamList() {
  const { t } = useTranslation();
  const { client } = useStores();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction<'add' | 'remove' | 'load'>();
  const load = useCallback(() => client.call('dnc.list', { limit: 200 }), [client]);
  const list = useLoad(load, { items: [] as DncEntry[], nextAfter: null, total: 0 }, (err) =>
    action.fail('load', err),
  );
  useEffect(
    () => client.on('dnc.changed', () => void list.reload().catch(() => undefined)),
    [client, list],
  );
  return (
    <div>
      <h3>{t('compliance.teamTitle')}</h3>
      <p className="hint">{t('compliance.teamHint')}</p>
      <Form
        className="compliance-add"
        aria-label={t('compliance.addTitle')}
        onSubmit={() =>
          void action.run('add', async () => {
            await client.call('dnc.add', { number, reason });
            setNumber('');
            setReason('');
            await list.reload();
          })
        }
      >
        <Field label={t('compliance.number')}>
          <input
            value={number}
            maxLength={TEXT_LIMITS.phone}
            inputMode="tel"
            onChange={(e) => setNumber(e.target.value)}
          />
        </Field>
        <Field label={t('compliance.reason')}>
          <input
            value={reason}
            maxLength={TEXT_LIMITS.note}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <FormActions
          submit={t('compliance.add')}
          busy={action.busy === 'add'}
          disabled={!number.trim() || !reason.trim()}
        />
      </Form>
      <ErrorText>{action.error && errorText(t, action.error)}</ErrorText>
      <p>{t('compliance.teamCount', { count: list.value.total })}</p>
      <DataTable
        label={t('compliance.teamTitle')}
        rows={list.value.items}
        headers={[t('compliance.number'), t('compliance.reason'), t('compliance.addedAt'), '']}
        empty={t('compliance.teamEmpty')}
        row={(entry) => (
          <tr key={entry.phone}>
            <td className="mono">{formatPhone(entry.phone, entry.phone)}</td>
            <td>{entry.source === 'lead' ? t('compliance.fromLead') : entry.reason}</td>
            <td>{formatDateTime(entry.addedAt)}</td>
            <td>
              <Button
                aria-label={t('compliance.removeNumber', { number: formatPhone(entry.phone, '') })}
                onClick={() =>
                  void action.run('remove', async () => {
                    await client.call('dnc.remove', { number: entry.phone });
                    await list.reload();
                  })
                }
              >
                {t('compliance.remove')}
              </Button>
            </td>
          </tr>
        )}
      />
    </div>
  );
}

/** yyyy-MM-dd of a time, for a date input. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function NationalRegister() {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const [file, setFile] = useState<File | null>(null);
  const [day, setDay] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const action = useAction<'import' | 'load'>();
  const load = useCallback(() => client.call('dnc.register', {}), [client]);
  const info = useLoad(load, { register: null as DncRegisterInfo | null }, (err) =>
    action.fail('load', err),
  );
  useEffect(
    () => client.on('dnc.progress', (p) => setProgress(Math.round(p.fraction * 100))),
    [client],
  );
  const register = info.value.register;
  return (
    <div>
      <h3>{t('compliance.nationalTitle')}</h3>
      <p className="hint">{t('compliance.nationalHint')}</p>
      <p role="status" aria-label={t('compliance.nationalInForce')}>
        {register
          ? t('compliance.nationalInfo', {
              file: register.fileName,
              date: formatDateTime(register.fileDate, timeZone).slice(0, 10),
              count: register.numbers,
              importedAt: formatDateTime(register.importedAt, timeZone),
            })
          : t('compliance.nationalNone')}
      </p>
      <Form
        aria-label={t('compliance.importTitle')}
        onSubmit={() => {
          if (!file) return;
          void action.run('import', async () => {
            setProgress(0);
            try {
              const uploadId = await uploadFile(client, file);
              await client.call('dnc.importRegister', {
                uploadId,
                fileDate: Date.parse(`${day}T00:00:00Z`),
              });
              await info.reload();
            } finally {
              setProgress(null);
            }
          });
        }}
      >
        <Field label={t('compliance.registerFile')}>
          <input
            type="file"
            accept=".csv,.txt,.tsv"
            onChange={(e) => {
              const picked = e.target.files?.[0] ?? null;
              setFile(picked);
              if (picked) setDay(dayOf(picked.lastModified));
            }}
          />
        </Field>
        <Field label={t('compliance.registerDate')}>
          <input type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
        </Field>
        <FormActions
          submit={t('compliance.import')}
          busyLabel={t('compliance.importing')}
          busy={action.busy === 'import'}
          disabled={!file || !day}
        />
        {progress !== null && (
          <progress max={100} value={progress} aria-label={t('compliance.importProgress')} />
        )}
      </Form>
      <ErrorText>{action.error && errorText(t, action.error)}</ErrorText>
    </div>
  );
}
