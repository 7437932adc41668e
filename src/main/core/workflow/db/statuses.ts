import type { Rule, StatusEntry } from '../../../../shared/catalogue';
import type { Db } from '../../db/open';

interface StatusRow {
  code: string;
  kind: StatusEntry['kind'];
  stage: StatusEntry['stage'];
  label_vi: string;
  label_en: string;
  color: string;
  rule: Rule['kind'];
  rule_hours: number | null;
  rule_payment: 'pending' | 'paid' | null;
  sets_customer_status: string | null;
  invalidates_phone: number;
  builtin: number;
  sort_order: number;
  active: number;
}

function toRule(r: StatusRow): Rule {
  switch (r.rule) {
    case 'callback_after_hours':
    case 'convert_contact':
      return { kind: r.rule, hours: r.rule_hours ?? 24 };
    case 'create_order':
      return { kind: 'create_order', payment: r.rule_payment ?? 'pending' };
    default:
      return { kind: r.rule };
  }
}

function toEntry(r: StatusRow): StatusEntry {
  return {
    code: r.code,
    kind: r.kind,
    stage: r.stage,
    labelVi: r.label_vi,
    labelEn: r.label_en,
    color: r.color,
    rule: toRule(r),
    setsCustomerStatus: r.sets_customer_status,
    invalidatesPhone: r.invalidates_phone === 1,
    builtin: r.builtin === 1,
    sortOrder: r.sort_order,
    active: r.active === 1,
  };
}

export function listStatuses(db: Db): StatusEntry[] {
  return (db.prepare('SELECT * FROM statuses ORDER BY sort_order, code').all() as StatusRow[]).map(
    toEntry,
  );
}

export function getStatus(db: Db, code: string): StatusEntry | undefined {
  const row = db.prepare('SELECT * FROM statuses WHERE code = ?').get(code) as
    StatusRow | undefined;
  return row && toEntry(row);
}

function ruleColumns(rule: Rule) {
  return {
    rule: rule.kind,
    rule_hours: 'hours' in rule ? rule.hours : null,
    rule_payment: 'payment' in rule ? rule.payment : null,
  };
}

export function insertStatus(db: Db, e: StatusEntry): void {
  db.prepare(
    `INSERT INTO statuses (code, kind, stage, label_vi, label_en, color, rule, rule_hours, rule_payment,
       sets_customer_status, invalidates_phone, builtin, sort_order, active)
     VALUES (@code, @kind, @stage, @labelVi, @labelEn, @color, @rule, @rule_hours, @rule_payment,
       @setsCustomerStatus, @invalidates, @builtin, @sortOrder, @active)`,
  ).run({
    ...e,
    ...ruleColumns(e.rule),
    invalidates: e.invalidatesPhone ? 1 : 0,
    builtin: e.builtin ? 1 : 0,
    active: e.active ? 1 : 0,
  });
}

export function updateStatus(db: Db, e: StatusEntry): void {
  db.prepare(
    `UPDATE statuses SET label_vi = @labelVi, label_en = @labelEn, color = @color, rule = @rule,
       rule_hours = @rule_hours, rule_payment = @rule_payment, sets_customer_status = @setsCustomerStatus,
       sort_order = @sortOrder, active = @active
     WHERE code = @code`,
  ).run({ ...e, ...ruleColumns(e.rule), active: e.active ? 1 : 0 });
}

export function maxSortOrder(db: Db): number {
  return (
    (db.prepare('SELECT COALESCE(MAX(sort_order), 0) FROM statuses').pluck().get() as number) ?? 0
  );
}
