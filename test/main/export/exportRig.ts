import { randomUUID } from 'node:crypto';
import { createClient, type Client } from '../../../src/renderer/api/client';
import type { Db } from '../../../src/main/core/db/open';
import type { Transport } from '../../../src/shared/api';
import type { TempCore } from '../../helpers/tempCore';

/** Vietnamese names with every kind of mark, so a wrong encoding anywhere shows. */
export const VIETNAMESE_NAMES = [
  'Nguyễn Thị Hường',
  'Đặng Văn Đức',
  'Trần Thị Ánh Tuyết',
  'Lê Hoàng Yến',
  'Phạm Quốc Việt',
  'Võ Thị Ngọc Ẩn',
];

export function tableExists(db: Db, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/** Reports and exports are a supervisor's (issue 8's roles); a fresh install is an agent's. */
export function makeSupervisor(db: Db): void {
  if (tableExists(db, 'access')) db.prepare("UPDATE access SET install_role = 'supervisor'").run();
}

export function clientOf(t: TempCore): Client {
  const transport: Transport = {
    invoke: (method, input) => t.core.dispatch(method, input),
    on: (listener) => t.core.onEvent(listener),
  };
  return createClient(transport);
}

export interface BulkLead {
  name: string;
  phone: string;
  stage: 'new' | 'contact' | 'order';
  customerStatus: string | null;
  source: string;
  note: string;
  receivedAt: number;
}

/**
 * Writes leads straight into the table in one transaction of one prepared insert, with the
 * search index and the change log paused (as an import does), so 100,000 take about a second.
 */
export function bulkInsertLeads(db: Db, leads: Iterable<BulkLead>): number {
  const insert = db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
       next_action_at, customer_status, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'none', NULL, ?, ?, ?, ?)`,
  );
  const pauses = ['lead_search_paused', 'sync_paused'].filter((t) => tableExists(db, t));
  let n = 0;
  db.transaction(() => {
    for (const t of pauses) db.prepare(`INSERT INTO ${t} (one) VALUES (1)`).run();
    for (const l of leads) {
      insert.run(
        randomUUID(),
        l.name,
        l.phone,
        l.phone,
        l.source,
        l.note,
        l.stage,
        l.customerStatus,
        l.receivedAt,
        l.receivedAt,
        l.receivedAt,
      );
      n++;
    }
    for (const t of pauses) db.prepare(`DELETE FROM ${t}`).run();
  })();
  return n;
}

export const newId = () => randomUUID();
