import type { AreaHandlers } from '../../../shared/api';
import type { callsArea } from '../../../shared/api/calls';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import type { CoreEventListener } from '../plumbing/core';
import { writeOnce } from '../plumbing/idempotency';
import { completeDueReminder } from '../reminders/db/reminders';
import { leadForNumber, startCall, updateCallRecord } from './callRecords';
import { getCall } from './db/calls';

export function createCallsHandlers(ctx: {
  db: Db;
  clock: Clock;
  emit: CoreEventListener;
  /** Tells the reminder scheduler that callbacks changed. */
  rearm(): void;
}): AreaHandlers<typeof callsArea> {
  const { db, clock } = ctx;
  return {
    'calls.start': (input) => {
      const { result, repeated } = writeOnce(db, 'calls.start', input, clock.now(), () => {
        const call = startCall(db, input, clock.now());
        if (call.leadId && call.direction === 'outbound') {
          completeDueReminder(db, call.leadId, clock.now());
        }
        return { id: call.id };
      });
      if (!repeated && input.leadId && input.direction === 'outbound') ctx.rearm();
      return getCall(db, result.id)!;
    },
    'calls.update': (input) => {
      const call = updateCallRecord(db, input);
      if (call.leadId) ctx.emit('leads.changed', { ids: [call.leadId] });
      return call;
    },
    'calls.lookupNumber': ({ number }) => ({ lead: leadForNumber(db, number) }),
  };
}
