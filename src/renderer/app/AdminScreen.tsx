import { AudioSettings } from '../phone/AudioSettings';
import { BackupAdmin } from '../backups/BackupAdmin';
import { DiagnosticsSection } from '../access/DiagnosticsSection';
import { RoleGate } from '../access/RoleGate';
import { SecurityAdmin } from '../access/SecurityAdmin';
import { CallingHoursAdmin } from '../settings/CallingHoursAdmin';
import { ComplianceAdmin } from '../compliance/ComplianceAdmin';
import { ProductAdmin } from '../orders/ProductAdmin';
import { SipAccountAdmin } from '../sipAccounts/SipAccountAdmin';
import { StatusAdmin } from '../workflow/StatusAdmin';
import { SyncAdmin } from '../sync/SyncAdmin';
import { TeamAdmin } from '../team/TeamAdmin';
import { TrustedKeysAdmin } from '../sync/TrustedKeysAdmin';

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
        <TeamAdmin />
        <TrustedKeysAdmin />
        <BackupAdmin />
      </RoleGate>
      <ComplianceAdmin />
      <AudioSettings />
      <SyncAdmin />
      <DiagnosticsSection />
    </main>
  );
}
