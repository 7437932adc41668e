import type { Handlers } from '../../../shared/api';
import { reportDays } from '../../../shared/reportDays';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import { hasAgents } from '../export/db/exportQueries';
import { agentRows, conversions, dayRows, outcomeRows } from './db/reports';
import { readSettings } from '../settings/db/settings';

/** The supervisor's reports (issue 7): every series of the reports screen in one call. */
export function createReportHandlers(ctx: { db: Db; clock: Clock }): Pick<Handlers, 'reports.get'> {
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
