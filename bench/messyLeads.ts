import { seededRandom } from './seedLeads';

/*
 * Generated Marketing files as they really come: Vietnamese names, numbers written every way
 * (dots, spaces, +84, 84, the zero eaten by Excel, the text quote, old 11-digit mobiles,
 * landlines), some invalid or missing, duplicates, notes with commas, quotes and line breaks,
 * times as dd/MM/yyyy HH:mm or an Excel serial, blank lines; UTF-8 with a BOM, CRLF.
 */

const ho = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const dem = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Ngọc',
  'Thanh',
  'Quốc',
  'Gia',
  'Hoài',
  'Thu',
  'Kim',
  'Bảo',
];
const ten = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
  'Đạt',
  'Đông',
  'Huyền',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Thủy',
  'Tú',
  'Vy',
  'Xuân',
];
export const notes = [
  'hỏi giá',
  'gọi lại sau 5h chiều',
  'quan tâm liệu trình 3 tháng',
  '',
  '',
  '',
  'đã mua nơi khác',
  'khách ở Hà Nội, giao hàng tận nơi',
  'cần tư vấn thêm về sản phẩm',
  'không nghe máy',
  'hẹn cuối tuần',
  'đang cân nhắc giá',
  'nói "để suy nghĩ"',
  'dòng 1\r\ndòng 2',
];
const sources = ['Facebook', 'Zalo', 'Google Ads', 'TikTok', 'Landing page', ''];
const mobilePrefixes = [
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '88',
  '89',
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '56',
  '58',
  '59',
];
const oldPrefixes = [
  '162',
  '163',
  '164',
  '165',
  '166',
  '167',
  '168',
  '169',
  '120',
  '121',
  '122',
  '126',
  '128',
  '123',
  '124',
  '125',
  '127',
  '129',
  '186',
  '188',
  '199',
];

export type Pick = <T>(list: readonly T[]) => T;

export function picker(rnd: () => number): Pick {
  return (list) => list[Math.floor(rnd() * list.length)]!;
}

export function vietnameseName(pick: Pick): string {
  return `${pick(ho)} ${pick(dem)} ${pick(ten)}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** One number, as some Marketing sheet would write it. */
function messyPhone(rnd: () => number, pick: Pick, unique: number): string {
  const body = String(unique).padStart(7, '0').slice(-7);
  const r = rnd();
  if (r < 0.03) return pick(['12345', '0123 456', 'không có', '09999', '0912 345 67']);
  if (r < 0.04) return '';
  if (r < 0.08) return `0${pick(oldPrefixes)}${body}`; // before 2018
  if (r < 0.1) return `0283${body}`; // landline, Hồ Chí Minh City
  const p = pick(mobilePrefixes);
  const n = `${p}${body}`; // 9 significant digits
  const f = rnd();
  if (f < 0.3) return `0${n}`;
  if (f < 0.45) return `0${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`;
  if (f < 0.55) return `84${n}`;
  if (f < 0.65) return `+84 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  if (f < 0.8) return n; // zero eaten
  if (f < 0.9) return `'0${n}`;
  return `0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
}

function csvField(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** A messy CSV of `rows` data rows (plus the header), deterministic for a seed. */
export function messyCsv(rows: number, seed = 11, delimiter = ','): string {
  const rnd = seededRandom(seed);
  const pick = picker(rnd);
  const lines = [['Họ tên', 'Số điện thoại', 'Nguồn', 'Ghi chú', 'Thời gian'].join(delimiter)];
  const used: string[] = [];
  for (let i = 0; i < rows; i++) {
    // ~5 % duplicates of an earlier row's number, written their own way.
    const phone =
      used.length > 0 && rnd() < 0.05 ? pick(used) : messyPhone(rnd, pick, 1_000_000 + i * 7);
    if (used.length < 5000) used.push(phone);
    const name = rnd() < 0.01 ? '' : vietnameseName(pick);
    const t = rnd();
    const time =
      t < 0.7
        ? `${pad2(1 + Math.floor(rnd() * 28))}/${pad2(1 + Math.floor(rnd() * 12))}/2026 ${pad2(
            Math.floor(rnd() * 24),
          )}:${pad2(Math.floor(rnd() * 60))}`
        : t < 0.85
          ? String(46000 + Math.floor(rnd() * 300) + 0.5)
          : '';
    const cells = [name, phone, pick(sources), pick(notes), time];
    lines.push(cells.map((c) => csvField(c, delimiter)).join(delimiter));
    if (rnd() < 0.002) lines.push(''); // a blank line now and then
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
