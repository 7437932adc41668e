import { builtinStatuses, type RuleKind } from '../../shared/catalogue';
import type { Db, Tx } from './pool';

/** What a push needs to check a recorded outcome: each status's kind, folder and rule. */
export async function catalogueRules(
  tx: Tx,
): Promise<Map<string, { kind: string; stage: string | null; rule: RuleKind }>> {
  const { rows } = await tx.query<{
    code: string;
    kind: string;
    stage: string | null;
    rule: RuleKind;
  }>('SELECT code, kind, stage, rule FROM statuses');
  return new Map(rows.map((r) => [r.code, { kind: r.kind, stage: r.stage, rule: r.rule }]));
}

/** The built-in catalogue, as every install has it (the app's migration 0030 seeds the same). */
export async function seedBuiltinStatuses(db: Db): Promise<void> {
  for (const [i, s] of builtinStatuses.entries()) {
    await db.query(
      `INSERT INTO statuses (code, kind, stage, label_vi, label_en, color, rule, rule_hours,
         rule_payment, sets_customer_status, invalidates_phone, builtin, sort_order, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, 1)
       ON CONFLICT (code) DO NOTHING`,
      [
        s.code,
        s.kind,
        s.stage,
        s.labelVi,
        s.labelEn,
        s.color,
        s.rule.kind,
        'hours' in s.rule ? s.rule.hours : null,
        'payment' in s.rule ? s.rule.payment : null,
        s.setsCustomerStatus,
        s.invalidatesPhone ? 1 : 0,
        (i + 1) * 10,
      ],
    );
  }
}
