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
  /** A SIP password, a TURN user name. */
  secret: 200,
  /** A TURN server's credential. */
  credential: 400,
  agentCode: 20,
  /** A file name the user types for an export or a bundle. */
  fileName: 120,
  search: 200,
  /** A supervisor's public key for lead lists: 32 bytes in base64 (api/sync.ts). */
  publicKey: 44,
  /** The longest PIN the format allows (api/access.ts). */
  pin: 12,
} as const;

/** From this share of its limit on, a long text shows how many characters remain. */
export const COUNTER_FROM = 0.9;

/** The limit of each editable field of a lead, by the field's name in the contract. */
export const LEAD_FIELD_LIMITS = {
  name: TEXT_LIMITS.name,
  phone: TEXT_LIMITS.phone,
  phone2: TEXT_LIMITS.phone,
  source: TEXT_LIMITS.source,
  note: TEXT_LIMITS.note,
  province: TEXT_LIMITS.place,
  district: TEXT_LIMITS.place,
  address: TEXT_LIMITS.address,
} as const;
