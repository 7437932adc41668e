import { AudioSettings } from './AudioSettings';
import { CallingHoursAdmin } from './CallingHoursAdmin';
import { ProductAdmin } from './ProductAdmin';
import { SipAccountAdmin } from './SipAccountAdmin';
import { StatusAdmin } from './StatusAdmin';

export function AdminScreen() {
  return (
    <main className="admin-screen">
      <StatusAdmin />
      <ProductAdmin />
      <CallingHoursAdmin />
      <SipAccountAdmin />
      <AudioSettings />
    </main>
  );
}
