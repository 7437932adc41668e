import type { ReactNode } from 'react';
import { RoleGate } from '../access/RoleGate';
import { ReportsScreen } from '../reports/ReportsScreen';
import { TeamScreen } from '../team/TeamScreen';
import { AdminScreen } from './AdminScreen';

/**
 * The app's screens: the queue (where agents work), set-up, the supervisor's reports, and the
 * supervisor's team (people, codes, assignment) when linked to a team server.
 */
export type View = 'queue' | 'admin' | 'reports' | 'team';

/** The screen for `view`; the queue's is the caller's, as it shares state with the top bar. */
export function ViewScreen({ view, queue }: { view: View; queue: ReactNode }) {
  switch (view) {
    case 'queue':
      return queue;
    case 'admin':
      return <AdminScreen />;
    case 'reports':
      return (
        <RoleGate need="supervisor">
          <ReportsScreen />
        </RoleGate>
      );
    case 'team':
      return (
        <RoleGate need="supervisor">
          <TeamScreen />
        </RoleGate>
      );
  }
}
