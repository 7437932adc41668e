/**
 * The largest length, in characters, of each kind of free text the contract accepts. The
 * schemas refuse more with the field's path and `too_long`; the renderer's inputs carry the
 * same numbers as `maxLength`, so a paste is cut at the limit instead of failing on save.
 * A note holds a call's story (a few paragraphs); names and places are one line.
 */
export const TEXT_LIMITS = {
  /** A lead's or customer's name, a product's name. */
  name: 200,
  phone: 40,
  source: 200,
  /** A lead's note, a call's note, a note on the timeline. */
  note: 4000,
  orderNote: 2000,
  address: 500,
  /** Province, district. */
  place: 100,
  productCode: 40,
  statusLabel: 80,
  /** A SIP account's name, user names, display name; an agent's name. */
  shortName: 100,
  domain: 200,
  url: 300,
  secret: 200,
  search: 200,
} as const;

/** From this many characters left, a note shows how many remain. */
export const NOTE_COUNTER_FROM = 0.9;
