import type { AreaHandlers } from '../../../shared/api';
import type { workflowArea } from '../../../shared/api/workflow';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import { mustGetLead } from '../leads/leadDetail';
import { unmaskDisposition } from '../leads/maskedEdits';
import type { CoreEventListener } from '../plumbing/core';
import { writeOnce } from '../plumbing/idempotency';
import { readSettings } from '../settings/db/settings';
import { getStatus, listStatuses } from './db/statuses';
import { saveDisposition } from './saveDisposition';
import { addStatus, editStatus } from './statusEdits';

export function createWorkflowHandlers(ctx: {
  db: Db;
  clock: Clock;
  emit: CoreEventListener;
  /** True when the calling connection sees numbers masked (an agent, masking on). */
  masksNumbers(): boolean;
  /** Tells the reminder scheduler that callbacks changed. */
  rearm(): void;
}): AreaHandlers<typeof workflowArea> {
  const { db, clock, emit } = ctx;
  return {
    'dispositions.save': (input) => {
      const sent = ctx.masksNumbers()
        ? unmaskDisposition(input, mustGetLead(db, input.leadId))
        : input;
      const { result, repeated } = writeOnce(db, 'dispositions.save', input, clock.now(), () =>
        saveDisposition(db, sent, readSettings(db), clock.now()),
      );
      if (!repeated) {
        ctx.rearm();
        emit('leads.changed', { ids: [input.leadId] });
      }
      return { ...result, lead: mustGetLead(db, input.leadId) };
    },
    'statuses.list': () => listStatuses(db),
    'statuses.add': (input) => {
      const { result, repeated } = writeOnce(db, 'statuses.add', input, clock.now(), () => ({
        code: addStatus(db, input).code,
      }));
      if (!repeated) emit('catalogue.changed', {});
      return getStatus(db, result.code)!;
    },
    'statuses.update': (input) => {
      const entry = editStatus(db, input);
      emit('catalogue.changed', {});
      return entry;
    },
  };
}
