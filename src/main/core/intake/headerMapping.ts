import { foldWords } from '../../../shared/foldText';
import type { ImportField, ImportMapping } from '../../../shared/importTypes';
import { normalisePhone } from '../../../shared/phone';
import { cellText } from './cellText';

/*
 * Which column feeds which lead field, guessed from the header row: headers are folded
 * (no case, no diacritics, đ = d, punctuation = space) and compared with the names Vietnamese
 * and English sheets use. Without a recognisable header, the phone column is found by its
 * cells (most of them valid numbers) and the name column as the one holding mostly words.
 */

// Folded header names; test data in test/main/import/headerMapping.test.ts.
const headerNames: Record<ImportField, readonly string[]> = {
  name: [
    'ho ten',
    'ho va ten',
    'ten',
    'ten khach hang',
    'ho ten khach hang',
    'khach hang',
    'ten kh',
    'name',
    'full name',
    'fullname',
    'customer',
    'customer name',
    'contact name',
    'lead name',
  ],
  phone: [
    'so dien thoai',
    'sdt',
    'so dt',
    'dien thoai',
    'dt',
    'dtdd',
    'di dong',
    'so di dong',
    'phone',
    'phone number',
    'mobile',
    'mobile phone',
    'tel',
    'telephone',
    'contact number',
  ],
  source: [
    'nguon',
    'nguon data',
    'nguon khach',
    'kenh',
    'chien dich',
    'campaign',
    'source',
    'utm source',
    'utm campaign',
    'channel',
  ],
  note: [
    'ghi chu',
    'note',
    'notes',
    'noi dung',
    'mo ta',
    'yeu cau',
    'nhu cau',
    'loi nhan',
    'comment',
    'comments',
    'description',
    'message',
  ],
  receivedAt: [
    'thoi gian',
    'ngay',
    'ngay nhan',
    'thoi gian nhan',
    'ngay tao',
    'thoi gian tao',
    'ngay gio',
    'time',
    'date',
    'received',
    'received at',
    'created',
    'created at',
    'created time',
    'timestamp',
    'date time',
    'datetime',
  ],
};

const fields = Object.keys(headerNames) as ImportField[];

/**
 * How well a header names a field: 1000 + length for an exact name, the name's length when
 * the header contains it as whole words ("Số điện thoại khách" contains "so dien thoai"),
 * else 0. Longer names win, so "Tên khách hàng" beats "Khách hàng" for the same column.
 */
function score(header: string, field: ImportField): number {
  let best = 0;
  const padded = ` ${header} `;
  for (const name of headerNames[field]) {
    if (header === name) best = Math.max(best, 1000 + name.length);
    else if (name.length >= 3 && padded.includes(` ${name} `)) best = Math.max(best, name.length);
  }
  return best;
}

type Columns = ImportMapping['columns'];

function emptyColumns(): Columns {
  return { name: null, phone: null, source: null, note: null, receivedAt: null };
}

/** Assigns columns to fields, best-scoring pairs first, each column and field once. */
function fromHeaders(headers: readonly string[]): Columns {
  const folded = headers.map((h) => foldWords(h));
  const pairs: { field: ImportField; column: number; score: number }[] = [];
  folded.forEach((h, column) => {
    if (h === '') return;
    for (const field of fields) {
      const s = score(h, field);
      if (s > 0) pairs.push({ field, column, score: s });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const columns = emptyColumns();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (columns[p.field] !== null || taken.has(p.column)) continue;
    columns[p.field] = p.column;
    taken.add(p.column);
  }
  return columns;
}

/** The column where most non-empty cells satisfy `test` (at least half of them), if any. */
function columnWhere(
  rows: readonly (readonly unknown[])[],
  width: number,
  skip: Set<number>,
  test: (text: string) => boolean,
): number | null {
  let best: number | null = null;
  let bestShare = 0;
  for (let c = 0; c < width; c++) {
    if (skip.has(c)) continue;
    let filled = 0;
    let passing = 0;
    for (const r of rows) {
      const text = cellText(r[c]).trim();
      if (text === '') continue;
      filled++;
      if (test(text)) passing++;
    }
    const share = filled === 0 ? 0 : passing / filled;
    if (share >= 0.5 && share > bestShare) {
      best = c;
      bestShare = share;
    }
  }
  return best;
}

const looksLikePhone = (text: string) => normalisePhone(text).valid;
// Mostly letters, a few words: a person's name rather than a note or a number.
const looksLikeName = (text: string) =>
  text.length <= 60 && /^[\p{L}][\p{L}\s.'-]*$/u.test(text) && text.split(/\s+/).length <= 6;

/**
 * The mapping to propose for a file whose first row is `firstRow` and whose next rows are
 * `sampleRows`.
 */
export function detectMapping(
  firstRow: readonly unknown[],
  sampleRows: readonly (readonly unknown[])[],
): ImportMapping {
  const headers = firstRow.map((c) => cellText(c));
  const byHeader = fromHeaders(headers);
  // A row holding a phone number is data, whatever else its cells say.
  const hasHeader =
    Object.values(byHeader).some((c) => c !== null) && !headers.some(looksLikePhone);
  const columns = hasHeader ? byHeader : emptyColumns();
  const rows = hasHeader ? sampleRows : [firstRow, ...sampleRows];
  const width = Math.max(headers.length, ...rows.map((r) => r.length));
  const taken = () => new Set(Object.values(columns).filter((c): c is number => c !== null));
  if (columns.phone === null) columns.phone = columnWhere(rows, width, taken(), looksLikePhone);
  if (columns.name === null && !hasHeader) {
    columns.name = columnWhere(rows, width, taken(), looksLikeName);
  }
  return { hasHeader, columns, defaultSource: '' };
}
