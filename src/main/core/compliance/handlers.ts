import type { AreaHandlers } from '../../../shared/api';
import type { complianceArea } from '../../../shared/api/compliance';
import { dncKey } from '../../../shared/compliance/dncNumber';
import { AppError } from '../../../shared/errors';
import { checkPhone } from '../../../shared/phone';
import type { Db } from '../db/open';
import { writeTx } from '../db/writeTx';
import type { Clock } from '../infra/clock';
import type { Uploads } from '../intake/uploads';
import { getLead } from '../leads/db/leads';
import type { CoreEventListener } from '../plumbing/core';
import { callBlock } from './callBlock';
import { deleteTeamEntry, putTeamEntry, registerInfo, teamEntry, teamPage } from './db/dncLists';
import { registerInWorker } from './registerInWorker';

export function createComplianceHandlers(ctx: {
  db: Db;
  clock: Clock;
  emit: CoreEventListener;
  uploads: Uploads;
}): AreaHandlers<typeof complianceArea> {
  const { db, clock, emit, uploads } = ctx;
  let importing = false;

  const e164Of = (number: string, path = 'number'): string => {
    const check = checkPhone(number);
    if (!check.valid) {
      throw new AppError('invalid_input', 'This is not a valid phone number.', {
        fields: [{ path, key: check.reason }],
      });
    }
    return check.e164;
  };

  return {
    'compliance.check': ({ leadId, number }) => {
      const lead = leadId ? getLead(db, leadId) : null;
      if (leadId && !lead) throw new AppError('not_found', 'No lead with this id.');
      return { block: callBlock(db, { lead: lead ?? null, number }, clock.now()) };
    },
    'dnc.list': ({ query, after, limit }) => {
      const digits = query.replace(/\D/g, '');
      const afterKey = after ? dncKey(after) : null;
      const page = teamPage(db, { digits, afterKey, limit: limit + 1 });
      const items = page.items.slice(0, limit);
      return {
        items,
        nextAfter: page.items.length > limit ? items[items.length - 1]!.phone : null,
        total: page.total,
      };
    },
    'dnc.add': ({ number, reason }) => {
      const phone = e164Of(number);
      const key = dncKey(phone);
      const entry = writeTx(db, () => {
        putTeamEntry(db, key, {
          phone,
          reason,
          source: 'manual',
          leadId: null,
          addedAt: clock.now(),
        });
        return teamEntry(db, key)!;
      });
      emit('dnc.changed', { list: 'team' });
      return entry;
    },
    'dnc.remove': ({ number }) => {
      const removed = writeTx(db, () => deleteTeamEntry(db, dncKey(e164Of(number))));
      if (!removed) throw new AppError('not_found', 'This number is not on the team list.');
      emit('dnc.changed', { list: 'team' });
      return {};
    },
    'dnc.register': () => ({ register: registerInfo(db) }),
    'dnc.importRegister': async ({ uploadId, fileDate }) => {
      if (importing) {
        throw new AppError('invalid_input', 'A register is already being imported.', {
          fields: [{ path: 'uploadId', key: 'dnc_import_running' }],
        });
      }
      const path = uploads.pathOf(uploadId);
      importing = true;
      try {
        const info = await registerInWorker(
          { dbPath: db.name, path, fileName: uploads.nameOf(uploadId), fileDate, now: clock.now() },
          (fraction, numbers) => emit('dnc.progress', { uploadId, fraction, numbers }),
        );
        emit('dnc.changed', { list: 'national' });
        return info;
      } finally {
        importing = false;
        uploads.remove(uploadId);
      }
    },
  };
}
