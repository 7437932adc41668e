import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { StatusAddInput, StatusUpdateInput } from '../../../shared/api';
import type { StatusEntry } from '../../../shared/catalogue';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { getStatus, insertStatus, maxSortOrder, updateStatus } from './db/statuses';

const invalid = (path: string, key: string, message: string) =>
  new AppError('invalid_input', message, { fields: [{ path, key }] });

function checkCustomerStatus(db: Db, code: string | null) {
  if (code === null) return;
  if (getStatus(db, code)?.kind !== 'customer') {
    throw invalid('setsCustomerStatus', 'status_unknown', `Not a customer status: ${code}`);
  }
}

/** Seed 004: admins create and name their own statuses, with one of the rules. */
export function addStatus(db: Db, input: z.output<typeof StatusAddInput>): StatusEntry {
  if (input.kind === 'customer' && (input.stage !== null || input.rule.kind !== 'none')) {
    throw invalid('rule', 'customer_status_rule', 'A customer status has no stage and no rule.');
  }
  if (input.kind === 'outcome' && input.stage === null) {
    throw invalid('stage', 'stage_required', 'An outcome applies to one stage.');
  }
  if (input.rule.kind === 'convert_contact' && input.stage !== 'new') {
    throw invalid('rule', 'rule_not_for_stage', 'Only a new lead can be converted.');
  }
  checkCustomerStatus(db, input.setsCustomerStatus);
  const entry: StatusEntry = {
    code: `custom.${randomUUID()}`,
    kind: input.kind,
    stage: input.stage,
    labelVi: input.labelVi,
    labelEn: input.labelEn,
    color: input.color,
    rule: input.rule,
    setsCustomerStatus: input.setsCustomerStatus,
    invalidatesPhone: false,
    builtin: false,
    sortOrder: maxSortOrder(db) + 10,
    active: true,
  };
  insertStatus(db, entry);
  return entry;
}

/** Rename, recolour, change N of a timed callback, retire (custom only), reorder. */
export function editStatus(db: Db, input: z.output<typeof StatusUpdateInput>): StatusEntry {
  const current = getStatus(db, input.code);
  if (!current) throw new AppError('not_found', 'No such status.');
  if (input.active === false && current.builtin) {
    throw invalid(
      'active',
      'builtin_cannot_retire',
      'Built-in statuses cannot be retired; rename them instead.',
    );
  }
  let rule = current.rule;
  if (input.hours !== undefined) {
    if (rule.kind !== 'callback_after_hours' && rule.kind !== 'convert_contact') {
      throw invalid('hours', 'rule_has_no_hours', 'This status has no timed callback.');
    }
    rule = { ...rule, hours: input.hours };
  }
  const next: StatusEntry = {
    ...current,
    labelVi: input.labelVi ?? current.labelVi,
    labelEn: input.labelEn ?? current.labelEn,
    color: input.color ?? current.color,
    active: input.active ?? current.active,
    sortOrder: input.sortOrder ?? current.sortOrder,
    rule,
  };
  // Retiring never deletes: dispositions in history keep pointing at the entry.
  updateStatus(db, next);
  return next;
}
