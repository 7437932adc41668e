import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors';
import { formatVnd, type Product } from '../../shared/orders';
import { useCatalogue, useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { createActionKey } from '../api/actionKey';

const blank = { id: null as string | null, code: '', name: '', unitPrice: 0, active: true };

/** Products and packages (liệu trình) with their prices in VND. */
export function ProductAdmin() {
  const { t } = useTranslation();
  const { client, catalogue } = useStores();
  const products = useCatalogue((s) => s.products);
  const [draft, setDraft] = useState(blank);
  const [error, setError] = useState<ApiError | null>(null);
  const [saveKey] = useState(createActionKey);
  const edit = (p: Product) => setDraft({ ...p });
  return (
    <section>
      <h2>{t('admin.products')}</h2>
      <table className="leads admin">
        <thead>
          <tr>
            <th>{t('admin.code')}</th>
            <th>{t('admin.name')}</th>
            <th>{t('admin.price')}</th>
            <th>{t('admin.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id} className={p.active ? '' : 'retired'}>
              <td>{p.code}</td>
              <td>{p.name}</td>
              <td className="mono">{formatVnd(p.unitPrice)}</td>
              <td>{p.active ? '✓' : ''}</td>
              <td>
                <button type="button" onClick={() => edit(p)}>
                  {t('admin.save')}…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="admin-add"
        aria-label={t('admin.addProduct')}
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          client
            .call('products.save', { ...draft, idempotencyKey: saveKey.get() })
            .then(async () => {
              saveKey.done();
              setDraft(blank);
              await catalogue.getState().load();
            })
            .catch((err: unknown) => setError(toApiError(err)));
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
        <label>
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />{' '}
          {t('admin.active')}
        </label>
        <button type="submit" className="primary">
          {draft.id ? t('admin.save') : t('admin.addProduct')}
        </button>
        {error && (
          <p className="form__error" role="alert">
            {error.fields?.length
              ? t(`errors.${error.fields[0]!.key}`)
              : t(`errors.code.${error.code}`)}
          </p>
        )}
      </form>
    </section>
  );
}
