import type { Language } from './domain';
import type { ImportReason, ImportReport } from './importTypes';

/*
 * The import report as a CSV the user downloads: one line per rejected or flagged row, with
 * the reason in the user's language. The texts live here, not in the renderer's i18n files,
 * because main writes the file; they are the i18n of this one document.
 */

const texts: Record<
  Language,
  { header: [string, string, string, string]; reasons: Record<ImportReason, string> }
> = {
  vi: {
    header: ['Dòng', 'Lý do', 'Họ tên', 'Số điện thoại (như trong tệp)'],
    reasons: {
      empty_row: 'Dòng trống — bỏ qua',
      no_name_no_phone: 'Không có tên và số điện thoại — bỏ qua',
      phone_invalid: 'Số điện thoại không hợp lệ — đã lưu, đánh dấu',
      phone_missing: 'Thiếu số điện thoại — đã lưu, đánh dấu',
      time_unreadable: 'Không đọc được thời gian — dùng thời điểm nhập',
      two_numbers: 'Hai số trong một ô — số đầu là số chính, số sau là số thứ hai',
      on_dnc_list: 'Số nằm trong danh sách không gọi — không thể gọi',
    },
  },
  en: {
    header: ['Row', 'Reason', 'Name', 'Phone (as in the file)'],
    reasons: {
      empty_row: 'Empty row — skipped',
      no_name_no_phone: 'No name and no phone number — skipped',
      phone_invalid: 'Invalid phone number — kept, flagged',
      phone_missing: 'No phone number — kept, flagged',
      time_unreadable: 'Time could not be read — import time used',
      two_numbers: 'Two numbers in one cell — the first is the phone, the second the second number',
      on_dnc_list: 'The number is on a do-not-call list — it cannot be dialled',
    },
  },
};

export function importReasonText(reason: ImportReason, language: Language): string {
  return texts[language].reasons[reason];
}

/**
 * One CSV field. Quoted when needed; a leading = + - @ is escaped with an apostrophe so a
 * spreadsheet shows the text rather than running it as a formula (names come from files).
 */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report's lines as CSV (UTF-8 with a BOM and CRLF, the way Excel opens it right). */
export function importReportCsv(report: ImportReport, language: Language): string {
  const t = texts[language];
  const rows = [t.header.map(field).join(',')];
  for (const line of report.lines) {
    rows.push([line.row, t.reasons[line.reason], line.name, line.phone].map(field).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
