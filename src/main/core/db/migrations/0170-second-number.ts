import type { Migration } from './types';

/*
 * An import matches a row against both numbers of every lead: a customer who gave two numbers
 * (`0796… / 0781…`) is one lead whichever of them a later row carries. Partial: most leads have
 * no second number.
 */
export const m0170SecondNumber: Migration = {
  version: 170,
  name: 'second number lookup',
  up(db) {
    db.exec(`
      CREATE INDEX leads_phone2 ON leads (phone2_e164) WHERE phone2_e164 IS NOT NULL;
    `);
  },
};
