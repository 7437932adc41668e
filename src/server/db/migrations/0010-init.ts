import type { ServerMigration } from './types';

/*
 * The team's shared lead base. The synced tables carry the same columns as the app's SQLite
 * (shared/sync/tables.ts; test/server/schema.test.ts compares them), plus `seq`: the global
 * change sequence a pull reads from, set by a trigger on every insert and update. Leads also
 * have an owner. Times are ms since the epoch, as in the app.
 */
export const m0010Init: ServerMigration = {
  version: 10,
  name: 'init',
  sql:
    `
CREATE SEQUENCE change_seq;

CREATE FUNCTION stamp_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.seq := nextval('change_seq');
  RETURN NEW;
END $$;

CREATE TABLE team (
  id integer PRIMARY KEY CHECK (id = 1),
  name text NOT NULL,
  created_at bigint NOT NULL
);

CREATE TABLE agents (
  id text PRIMARY KEY,
  name text NOT NULL,
  code text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  active boolean NOT NULL DEFAULT true,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  seq bigint NOT NULL
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  agent_id text NOT NULL REFERENCES agents (id),
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  last_seen_at bigint,
  revoked_at bigint
);
CREATE INDEX devices_agent ON devices (agent_id);

CREATE TABLE enrolment_codes (
  code_hash bytea PRIMARY KEY,
  name text,
  code text,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  -- The code printed at the first start of an empty database (the first admin).
  bootstrap boolean NOT NULL DEFAULT false,
  created_by text REFERENCES agents (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint,
  used_by_device uuid REFERENCES devices (id)
);

-- Each (device, batch) is applied once; a repeat gets the stored answer.
CREATE TABLE device_batches (
  device_id uuid NOT NULL REFERENCES devices (id),
  batch bigint NOT NULL,
  -- SHA-256 of the request: the same number with other content is a client's mistake.
  request_hash bytea NOT NULL,
  response jsonb NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (device_id, batch)
);

CREATE TABLE statuses (
  code text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('outcome', 'customer')),
  stage text CHECK (stage IN ('new', 'contact', 'order')),
  label_vi text NOT NULL,
  label_en text NOT NULL,
  color text NOT NULL,
  rule text NOT NULL,
  rule_hours bigint,
  rule_payment text,
  sets_customer_status text,
  invalidates_phone bigint NOT NULL,
  builtin bigint NOT NULL,
  sort_order bigint NOT NULL,
  active bigint NOT NULL,
  seq bigint NOT NULL
);

CREATE TABLE leads (
  id text PRIMARY KEY,
  name text NOT NULL,
  phone_e164 text,
  phone_as_given text NOT NULL,
  source text NOT NULL,
  note text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('new', 'contact', 'order')),
  next_action text NOT NULL CHECK (next_action IN ('call_now', 'callback', 'none')),
  next_action_at bigint,
  customer_status text,
  received_at bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  phone2_e164 text,
  phone2_as_given text NOT NULL,
  gender text NOT NULL,
  birth_year bigint,
  province text NOT NULL,
  district text NOT NULL,
  address text NOT NULL,
  do_not_call bigint NOT NULL,
  phone_wrong bigint NOT NULL,
  last_outcome text,
  owner_agent_id text REFERENCES agents (id),
  seq bigint NOT NULL
);
CREATE UNIQUE INDEX leads_phone ON leads (phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX leads_seq ON leads (seq);
CREATE INDEX leads_owner ON leads (owner_agent_id, seq);

-- A lead made twice (two installs, one number) lives on as an alias of the one kept.
CREATE TABLE lead_aliases (
  alias_id text PRIMARY KEY,
  lead_id text NOT NULL REFERENCES leads (id)
);

-- Every change of owner, so an agent's app learns which leads left it.
CREATE TABLE lead_moves (
  seq bigint PRIMARY KEY DEFAULT nextval('change_seq'),
  lead_id text NOT NULL REFERENCES leads (id),
  from_agent_id text REFERENCES agents (id),
  to_agent_id text REFERENCES agents (id),
  by_agent_id text NOT NULL REFERENCES agents (id),
  at bigint NOT NULL
);
CREATE INDEX lead_moves_from ON lead_moves (from_agent_id, seq);
CREATE INDEX lead_moves_to ON lead_moves (to_agent_id, seq);
CREATE INDEX lead_moves_lead ON lead_moves (lead_id);

CREATE TABLE calls (
  id text PRIMARY KEY,
  lead_id text REFERENCES leads (id),
  direction text NOT NULL,
  via text NOT NULL,
  number text NOT NULL,
  account_id text,
  started_at bigint NOT NULL,
  answered_at bigint,
  ended_at bigint,
  talk_seconds bigint NOT NULL,
  sip_call_id text,
  end_cause text,
  rtt_ms bigint,
  jitter_ms bigint,
  packet_loss_pct double precision,
  codec text,
  agent_id text,
  seq bigint NOT NULL
);

CREATE TABLE dispositions (
  id text PRIMARY KEY,
  lead_id text NOT NULL REFERENCES leads (id),
  call_id text,
  status_code text NOT NULL,
  note text NOT NULL,
  callback_at bigint,
  consent_outside_hours bigint NOT NULL,
  stage_before text NOT NULL,
  stage_after text NOT NULL,
  created_at bigint NOT NULL,
  agent_id text,
  seq bigint NOT NULL
);

CREATE TABLE orders (
  id text PRIMARY KEY,
  lead_id text NOT NULL REFERENCES leads (id),
  disposition_id text,
  total bigint NOT NULL,
  payment text NOT NULL,
  state text NOT NULL,
  delivery_address text NOT NULL,
  note text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  agent_id text,
  seq bigint NOT NULL
);

CREATE TABLE order_items (
  id text PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders (id),
  product_id text,
  product_name text NOT NULL,
  quantity bigint NOT NULL,
  unit_price bigint NOT NULL,
  line_total bigint NOT NULL,
  seq bigint NOT NULL
);

CREATE TABLE lead_notes (
  id text PRIMARY KEY,
  lead_id text NOT NULL REFERENCES leads (id),
  text text NOT NULL,
  created_at bigint NOT NULL,
  agent_id text,
  seq bigint NOT NULL
);

CREATE TABLE customer_status_changes (
  id text PRIMARY KEY,
  lead_id text NOT NULL REFERENCES leads (id),
  from_code text,
  to_code text,
  by text NOT NULL,
  at bigint NOT NULL,
  agent_id text,
  seq bigint NOT NULL
);
` +
    ['agents', 'statuses', 'leads', 'calls', 'dispositions', 'orders', 'order_items', 'lead_notes']
      .concat(['customer_status_changes'])
      .map(
        (t) =>
          `
CREATE TRIGGER ${t}_seq BEFORE INSERT OR UPDATE ON ${t}
  FOR EACH ROW EXECUTE FUNCTION stamp_seq();` +
          (t === 'leads' || t === 'agents' ? '' : `\nCREATE INDEX ${t}_seq ON ${t} (seq);`),
      )
      .join('') +
    `
CREATE INDEX agents_seq ON agents (seq);
CREATE INDEX calls_lead ON calls (lead_id);
CREATE INDEX dispositions_lead ON dispositions (lead_id);
CREATE INDEX orders_lead ON orders (lead_id);
CREATE INDEX order_items_order ON order_items (order_id);
CREATE INDEX lead_notes_lead ON lead_notes (lead_id);
CREATE INDEX customer_status_changes_lead ON customer_status_changes (lead_id);
`,
};
