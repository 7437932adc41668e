import { randomFillSync } from 'node:crypto';

/**
 * The id of a new row: a UUID version 7 (RFC 9562), whose first 48 bits are the time in ms and
 * the rest random. Rows are added roughly in time order, so a new id goes at the end of its
 * table's id index, on a page that is already in memory; a random (v4) id lands on any page of
 * it, so each insert wrote another page and, on a large table, first read it from disk.
 * Tokens that must not be guessed (sessions, uploads) stay random v4.
 */
export function newRowId(now: number = Date.now()): string {
  const b = randomFillSync(Buffer.alloc(16));
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
