import { randomUUID } from 'node:crypto';
import type { Db } from '../src/main/core/db/open';
import type { Lead } from '../src/shared/domain';

/** Deterministic pseudo-random numbers, so every run generates the same data. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;

/**
 * Fills the leads table with `count` generated leads spread like a real book: most in Data
 * mới, a mix of fresh, called-back (past and future) and finished leads.
 */
export function seedLeads(db: Db, count: number, now: number, seed = 1): void {
  const rnd = seededRandom(seed);
  const insert = db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
       next_action_at, customer_status, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = rnd();
      const stage: Lead['stage'] = r < 0.7 ? 'new' : r < 0.9 ? 'contact' : 'order';
      const a = rnd();
      const nextAction: Lead['nextAction'] =
        stage === 'order' ? 'none' : a < 0.3 ? 'call_now' : a < 0.75 ? 'callback' : 'none';
      const at = nextAction === 'callback' ? Math.round(now + (rnd() - 0.5) * 240 * HOUR) : null;
      const received = Math.round(now - rnd() * 90 * 24 * HOUR);
      const phone = `+849${String(10_000_000 + i).padStart(8, '0')}`;
      insert.run(
        randomUUID(),
        `Khách hàng ${i}`,
        phone,
        phone,
        `camp-${i % 40}`,
        stage,
        nextAction,
        at,
        received,
        received,
        received,
      );
    }
  });
  // Generated data, not the agent's: trade durability for speed while seeding.
  const cache = db.pragma('cache_size', { simple: true });
  db.pragma('cache_size = -524288');
  db.pragma('synchronous = OFF');
  const step = 100_000;
  for (let from = 0; from < count; from += step) batch(from, Math.min(count, from + step));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma(`cache_size = ${cache}`);
  db.pragma('synchronous = NORMAL');
}
