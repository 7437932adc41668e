import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import { seesNumbersMasked } from '../../shared/authApi';
import { useAccess } from '../access/accessStore';
import type { Client } from '../api/client';
import { toApiError } from '../ui/apiError';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { LeadTable } from './LeadTable';

const DEBOUNCE_MS = 200;

interface Props {
  client: Client;
  query: string;
  now: number;
  onOpen(id: string): void;
  onCall(lead: Lead): void;
}

/** Results of the search box over every folder, a page at a time, newest first. */
export function SearchResults({ client, query, now, onOpen, onCall }: Props) {
  const { t } = useTranslation();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Main matches a masked agent's digits only against the digits a mask shows: say so.
  const maskedDigits = useAccess((s) => seesNumbersMasked(s.status)) && /\d{3}/.test(query);
  // What is shown, with the search it answers: until the answer to this one arrives, the last
  // results stay on screen and the title says it is searching.
  const search = useMemo(() => ({ client, query }), [client, query]);
  const [shown, setShown] = useState<{
    search: object;
    items: Lead[];
    next: string | null;
    error: ApiError | null;
  } | null>(null);
  const state = shown?.search === search ? 'ready' : 'loading';
  const items = shown?.items ?? [];
  const next = shown?.next ?? null;
  const error = shown?.error ?? null;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      search.client.call('leads.search', { query: search.query }).then(
        (page) =>
          live && setShown({ search, items: page.items, next: page.nextCursor, error: null }),
        (err: unknown) =>
          live &&
          setShown((s) => ({
            search,
            items: s?.items ?? [],
            next: s?.next ?? null,
            error: toApiError(err),
          })),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  async function more() {
    if (!next) return;
    const page = await client.call('leads.search', { query, cursor: next });
    setShown((s) => s && { ...s, items: [...s.items, ...page.items], next: page.nextCursor });
  }

  return (
    <div className="search-results" aria-live="polite" aria-busy={state === 'loading'}>
      <h2 className="search-results__title">
        {state === 'loading'
          ? t('search.searching')
          : t('search.results', { count: items.length, more: next ? '+' : '' })}
      </h2>
      <ErrorText>{error && t(`errors.code.${error.code}`)}</ErrorText>
      {state === 'ready' && items.length === 0 && !error && <p>{t('search.none', { query })}</p>}
      {state === 'ready' && items.length === 0 && !error && maskedDigits && (
        <p>{t('search.maskedDigits')}</p>
      )}
      {items.length > 0 && (
        <LeadTable
          leads={items}
          now={now}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={onOpen}
          onCall={onCall}
        />
      )}
      {next && (
        <Button className="load-more" onClick={() => void more()}>
          {t('queue.loadMore')}
        </Button>
      )}
    </div>
  );
}
