import { Check } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../shared/money';
import { type Product } from '../../shared/orders';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { createActionKey } from '../api/actionKey';
import { useCatalogue, useStores } from '../app/stores';
import { errorText } from '../ui/apiError';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { useAction } from '../ui/useAction';
import { Form } from '../ui/Form';
import { Checkbox } from '../ui/Checkbox';

const blank = { id: null as string | null, code: '', name: '', unitPrice: 0, active: true };

/** Products and packages (liệu trình) with their prices in VND. */
export function ProductAdmin() {
  const { t } = useTranslation();
  const { client, catalogue } = useStores();
  const products = useCatalogue((s) => s.products);
  const [draft, setDraft] = useState(blank);
  const action = useAction<'save'>();
  const [saveKey] = useState(createActionKey);
  const edit = (p: Product) => setDraft({ ...p });
  return (
    <section>
      <h2>{t('admin.products')}</h2>
      <DataTable
        rows={products}
        headers={[t('admin.code'), t('admin.name'), t('admin.price'), t('admin.active'), '']}
        row={(p) => (
          <tr key={p.id} className={p.active ? '' : 'retired'}>
            <td>{p.code}</td>
            <td>{p.name}</td>
            <td className="mono">{formatVnd(p.unitPrice)}</td>
            <td>
              {p.active && <Check className="icon" role="img" aria-label={t('admin.active')} />}
            </td>
            <td>
              <Button onClick={() => edit(p)}>{t('admin.save')}…</Button>
            </td>
          </tr>
        )}
      />
      <Form
        className="admin-add"
        aria-label={t('admin.addProduct')}
        onSubmit={() => {
          void action.run('save', async () => {
            await client.call('products.save', { ...draft, idempotencyKey: saveKey.get() });
            saveKey.done();
            setDraft(blank);
            await catalogue.getState().load();
          });
        }}
      >
        <input
          aria-label={t('admin.code')}
          placeholder={t('admin.code')}
          maxLength={TEXT_LIMITS.productCode}
          value={draft.code}
          onChange={(e) => setDraft({ ...draft, code: e.target.value })}
        />
        <input
          aria-label={t('admin.name')}
          placeholder={t('admin.name')}
          maxLength={TEXT_LIMITS.name}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <input
          type="number"
          min={0}
          step={1000}
          aria-label={t('admin.price')}
          value={draft.unitPrice}
          onChange={(e) =>
            setDraft({ ...draft, unitPrice: Math.max(0, Math.floor(Number(e.target.value))) })
          }
        />
        <Checkbox
          label={t('admin.active')}
          checked={draft.active}
          onChange={(checked) => setDraft({ ...draft, active: checked })}
        />
        <Button type="submit" variant="primary">
          {draft.id ? t('admin.save') : t('admin.addProduct')}
        </Button>
        <ErrorText>{action.error && errorText(t, action.error)}</ErrorText>
      </Form>
    </section>
  );
}
