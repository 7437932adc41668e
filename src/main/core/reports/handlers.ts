import type { AreaHandlers } from '../../../shared/api';
import type { reportsArea } from '../../../shared/api/reports';
import { reportDays } from '../../../shared/reportDays';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import { hasAgents } from '../export/db/exportQueries';
import { agentRows, conversions, dayRows, outcomeRows } from './db/reports';
import { readSettings } from '../settings/db/settings';

/** Every series of the reports screen in one call. */
export function createReportsHandlers(ctx: {
  db: Db;
  clock: Clock;
}): AreaHandlers<typeof reportsArea> {
  const { db, clock } = ctx;
  return {
    'reports.get': ({ from, to }) => {
      const { timeZone } = readSettings(db);
      const range = { from, to };
      // One read transaction: every series sees the same database.
      return db.transaction(() => ({
        from,
        to,
        timeZone,
        agentsRecorded: hasAgents(db),
        days: dayRows(db, reportDays(from, to, timeZone), clock.now()),
        agents: agentRows(db, range),
        outcomes: outcomeRows(db, range),
        conversions: conversions(db, range),
      }))();
    },
  };
}
