import { CallingHoursAdmin } from './CallingHoursAdmin';
import { ProductAdmin } from './ProductAdmin';
import { StatusAdmin } from './StatusAdmin';

export function AdminScreen() {
  return (
    <main className="admin-screen">
      <StatusAdmin />
      <ProductAdmin />
      <CallingHoursAdmin />
    </main>
  );
}
