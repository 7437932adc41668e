import type { AreaHandlers } from '../../../shared/api';
import type { leadsArea } from '../../../shared/api/leads';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import type { CoreEventListener } from '../plumbing/core';
import { writeOnce } from '../plumbing/idempotency';
import { addLead } from './addLead';
import { queuePage, stageCounts } from './db/leads';
import { searchLeads, searchVisibleLeads } from './db/search';
import { addNote, changeCustomerStatus, leadDetail, mustGetLead, updateLead } from './leadDetail';
import { unmaskLeadUpdate } from './maskedEdits';
import { withDncLists } from '../compliance/callBlock';

export function createLeadsHandlers(ctx: {
  db: Db;
  clock: Clock;
  emit: CoreEventListener;
  /** True when the calling connection sees numbers masked (an agent, masking on). */
  masksNumbers(): boolean;
}): AreaHandlers<typeof leadsArea> {
  const { db, clock, emit } = ctx;
  return {
    'leads.add': (input) => {
      const { result, repeated } = writeOnce(db, 'leads.add', input, clock.now(), () => ({
        id: addLead(db, input, clock.now()).id,
      }));
      if (!repeated) emit('leads.changed', { ids: [result.id] });
      return mustGetLead(db, result.id);
    },
    'leads.list': (input) => {
      const page = queuePage(db, { ...input, now: clock.now() });
      return { ...page, items: withDncLists(db, page.items), counts: stageCounts(db) };
    },
    'leads.get': ({ id }) => mustGetLead(db, id),
    'leads.detail': ({ id }) => leadDetail(db, id),
    'leads.update': (input) => {
      const changes = ctx.masksNumbers()
        ? unmaskLeadUpdate(input, mustGetLead(db, input.id))
        : input;
      const lead = updateLead(db, changes, clock.now());
      emit('leads.changed', { ids: [lead.id] });
      return lead;
    },
    'leads.setCustomerStatus': ({ id, code }) => {
      const lead = changeCustomerStatus(db, id, code, clock.now());
      emit('leads.changed', { ids: [id] });
      return lead;
    },
    'leads.addNote': (input) => {
      writeOnce(db, 'leads.addNote', input, clock.now(), () => ({
        noteId: addNote(db, input.id, input.text, clock.now()),
      }));
      return leadDetail(db, input.id);
    },
    'leads.search': ({ query, limit, cursor }) =>
      (ctx.masksNumbers() ? searchVisibleLeads : searchLeads)(db, { query, limit, cursor }),
  };
}
