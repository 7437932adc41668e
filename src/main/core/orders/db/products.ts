import type { Product } from '../../../../shared/orders';
import type { Db } from '../../db/open';

interface ProductRow {
  id: string;
  code: string;
  name: string;
  unit_price: number;
  active: number;
}

const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  code: r.code,
  name: r.name,
  unitPrice: r.unit_price,
  active: r.active === 1,
});

export function listProducts(db: Db, includeInactive: boolean): Product[] {
  const sql = `SELECT * FROM products ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name`;
  return (db.prepare(sql).all() as ProductRow[]).map(toProduct);
}

export function getProduct(db: Db, id: string): Product | undefined {
  const row = db.prepare('SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
  return row && toProduct(row);
}

export function productIdByCode(db: Db, code: string): string | undefined {
  return db.prepare('SELECT id FROM products WHERE code = ?').pluck().get(code) as
    string | undefined;
}

export function upsertProduct(db: Db, p: Product, now: number): void {
  db.prepare(
    `INSERT INTO products (id, code, name, unit_price, active, created_at, updated_at)
     VALUES (@id, @code, @name, @unitPrice, @active, @now, @now)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
       unit_price = excluded.unit_price, active = excluded.active, updated_at = excluded.updated_at`,
  ).run({ ...p, active: p.active ? 1 : 0, now });
}
