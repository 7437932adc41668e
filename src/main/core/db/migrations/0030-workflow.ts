import { builtinStatuses } from '../../../../shared/catalogue';
import type { Migration } from './types';

/** The lead workflow: status catalogue, calls, dispositions, reminders, products, orders. */
export const m0030Workflow: Migration = {
  version: 30,
  name: 'workflow',
  up(db) {
    db.exec(`
      ALTER TABLE leads ADD COLUMN phone2_e164 TEXT;
      ALTER TABLE leads ADD COLUMN phone2_as_given TEXT NOT NULL DEFAULT '';
      ALTER TABLE leads ADD COLUMN gender TEXT NOT NULL DEFAULT ''
        CHECK (gender IN ('', 'male', 'female', 'other'));
      ALTER TABLE leads ADD COLUMN birth_year INTEGER;
      ALTER TABLE leads ADD COLUMN province TEXT NOT NULL DEFAULT '';
      ALTER TABLE leads ADD COLUMN district TEXT NOT NULL DEFAULT '';
      ALTER TABLE leads ADD COLUMN address TEXT NOT NULL DEFAULT '';
      ALTER TABLE leads ADD COLUMN do_not_call INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE leads ADD COLUMN phone_wrong INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE leads ADD COLUMN last_outcome TEXT;

      CREATE INDEX leads_customer_status ON leads (stage, customer_status);
      CREATE INDEX leads_source ON leads (stage, source);

      CREATE TABLE statuses (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('outcome', 'customer')),
        stage TEXT CHECK (stage IN ('new', 'contact', 'order')),
        label_vi TEXT NOT NULL,
        label_en TEXT NOT NULL,
        color TEXT NOT NULL,
        rule TEXT NOT NULL CHECK (rule IN ('none', 'callback_at_agent_time', 'callback_after_hours',
          'convert_contact', 'create_order')),
        rule_hours INTEGER,
        rule_payment TEXT CHECK (rule_payment IN ('pending', 'paid')),
        sets_customer_status TEXT REFERENCES statuses (code),
        invalidates_phone INTEGER NOT NULL DEFAULT 0,
        builtin INTEGER NOT NULL,
        sort_order INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        CHECK ((kind = 'customer') = (stage IS NULL))
      ) STRICT;

      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        lead_id TEXT REFERENCES leads (id),
        direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
        via TEXT NOT NULL CHECK (via IN ('softphone', 'manual')),
        number TEXT NOT NULL,
        account_id TEXT,
        started_at INTEGER NOT NULL,
        answered_at INTEGER,
        ended_at INTEGER,
        talk_seconds INTEGER NOT NULL DEFAULT 0,
        sip_call_id TEXT,
        end_cause TEXT
      ) STRICT;
      CREATE INDEX calls_lead ON calls (lead_id, started_at);
      CREATE INDEX calls_started ON calls (started_at);

      CREATE TABLE dispositions (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        call_id TEXT REFERENCES calls (id),
        status_code TEXT NOT NULL REFERENCES statuses (code),
        note TEXT NOT NULL DEFAULT '',
        callback_at INTEGER,
        consent_outside_hours INTEGER NOT NULL DEFAULT 0,
        stage_before TEXT NOT NULL,
        stage_after TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX dispositions_lead ON dispositions (lead_id, created_at);
      CREATE INDEX dispositions_created ON dispositions (created_at);

      CREATE TABLE reminders (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        disposition_id TEXT REFERENCES dispositions (id),
        due_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'cancelled')),
        fired_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- A lead has at most one pending callback: a new disposition replaces it.
      CREATE UNIQUE INDEX reminders_one_pending ON reminders (lead_id) WHERE state = 'pending';
      CREATE INDEX reminders_due ON reminders (state, due_at);

      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        disposition_id TEXT REFERENCES dispositions (id),
        total INTEGER NOT NULL CHECK (total >= 0),
        payment TEXT NOT NULL CHECK (payment IN ('pending', 'paid')),
        state TEXT NOT NULL CHECK (state IN ('new', 'confirmed', 'shipping', 'delivered', 'cancelled')),
        delivery_address TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX orders_lead ON orders (lead_id);
      CREATE INDEX orders_created ON orders (created_at, id);

      CREATE TABLE order_items (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (id),
        product_id TEXT REFERENCES products (id),
        product_name TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        line_total INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX order_items_order ON order_items (order_id);

      CREATE TABLE lead_notes (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX lead_notes_lead ON lead_notes (lead_id, created_at);

      CREATE TABLE customer_status_changes (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        from_code TEXT,
        to_code TEXT,
        by TEXT NOT NULL CHECK (by IN ('agent', 'outcome')),
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX customer_status_changes_lead ON customer_status_changes (lead_id, at);
    `);

    const insert = db.prepare(
      `INSERT INTO statuses (code, kind, stage, label_vi, label_en, color, rule, rule_hours, rule_payment,
         sets_customer_status, invalidates_phone, builtin, sort_order, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1)`,
    );
    // Customer statuses first: outcomes reference them.
    const ordered = [...builtinStatuses].sort(
      (a, b) => Number(b.kind === 'customer') - Number(a.kind === 'customer'),
    );
    for (const s of ordered) {
      const order = builtinStatuses.indexOf(s) + 1;
      insert.run(
        s.code,
        s.kind,
        s.stage,
        s.labelVi,
        s.labelEn,
        s.color,
        s.rule.kind,
        'hours' in s.rule ? s.rule.hours : null,
        'payment' in s.rule ? s.rule.payment : null,
        s.setsCustomerStatus,
        s.invalidatesPhone ? 1 : 0,
        order * 10,
      );
    }
  },
};
