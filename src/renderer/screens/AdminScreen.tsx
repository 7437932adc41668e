import { AudioSettings } from './AudioSettings';
import { BackupAdmin } from '../backups/BackupAdmin';
import { DiagnosticsSection } from '../access/DiagnosticsSection';
import { RoleGate } from '../access/RoleGate';
import { SecurityAdmin } from '../access/SecurityAdmin';
import { CallingHoursAdmin } from './CallingHoursAdmin';
import { ProductAdmin } from './ProductAdmin';
import { SipAccountAdmin } from './SipAccountAdmin';
import { StatusAdmin } from './StatusAdmin';
import { SyncAdmin } from './SyncAdmin';
import { TrustedKeysAdmin } from '../components/sync/TrustedKeysAdmin';

export function AdminScreen() {
  return (
    <main className="admin-screen">
      {/* Set-up needs the admin PIN; the agent's own headset and diagnostics do not. */}
      <RoleGate need="admin">
        <StatusAdmin />
        <ProductAdmin />
        <CallingHoursAdmin />
        <SipAccountAdmin />
        <SecurityAdmin />
        <TrustedKeysAdmin />
        <BackupAdmin />
      </RoleGate>
      <AudioSettings />
      <SyncAdmin />
      <DiagnosticsSection />
    </main>
  );
}
