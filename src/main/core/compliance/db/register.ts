import type { DncRegisterInfo } from '../../../../shared/api/compliance';
import type { Db } from '../../db/open';
import { writeTx } from '../../db/writeTx';

/*
 * The national register is replaced whole: the import fills `dnc_national_next` (left over from
 * an import that died: dropped first), and one transaction drops the copy in force and renames
 * the new one. Until that commit every lookup sees the old copy; after it, the new one.
 */

export function startNextRegister(db: Db): void {
  db.exec(`
    DROP TABLE IF EXISTS dnc_national_next;
    CREATE TABLE dnc_national_next (number INTEGER PRIMARY KEY) STRICT, WITHOUT ROWID;
  `);
}

/** Appends sorted, distinct keys (each batch after the last: pages fill in order). */
export function insertNextRegister(db: Db, keys: Float64Array, from: number, to: number): void {
  const insert = db.prepare('INSERT INTO dnc_national_next (number) VALUES (?)');
  writeTx(db, () => {
    for (let i = from; i < to; i++) insert.run(keys[i]!);
  });
}

export function dropNextRegister(db: Db): void {
  db.exec('DROP TABLE IF EXISTS dnc_national_next');
}

export function swapInNextRegister(db: Db, info: DncRegisterInfo): void {
  writeTx(db, () => {
    db.exec(`
      DROP TABLE dnc_national;
      ALTER TABLE dnc_national_next RENAME TO dnc_national;
    `);
    db.prepare(
      `INSERT INTO dnc_register (one, file_name, file_date, imported_at, numbers, invalid_lines)
       VALUES (1, @fileName, @fileDate, @importedAt, @numbers, @invalidLines)
       ON CONFLICT (one) DO UPDATE SET file_name = excluded.file_name,
         file_date = excluded.file_date, imported_at = excluded.imported_at,
         numbers = excluded.numbers, invalid_lines = excluded.invalid_lines`,
    ).run(info);
  });
}
