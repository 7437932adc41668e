import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createCore, type Core } from '../src/main/core';
import { UPLOAD_CHUNK_BYTES } from '../src/shared/api/intake';
import { silentLog } from '../src/main/core/infra/log';
import type { Db } from '../src/main/core/db/open';
import { tempDir } from '../test/helpers/tempDir';
import { BENCH_NOW, seededDatabaseCopy } from './seededDb';
import { seededRandom } from './seedLeads';
import { round, type Bench } from './types';

const CALLS = 100_000;
const CALLS_PER_LEAD = 2;
const SUPERVISOR_LEADS = 100_000;
const MINUTE = 60_000;

/**
 * An agent's month: 50,000 leads, each called twice, each call with its disposition (written
 * straight into SQLite: the data is generated; the agent stamp and change log triggers run).
 */
function fillAgentWork(db: Db, now: number): void {
  const rnd = seededRandom(7);
  const lead = db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, stage, next_action,
       next_action_at, customer_status, last_outcome, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Facebook', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const call = db.prepare(
    `INSERT INTO calls (id, lead_id, direction, via, number, started_at, answered_at, ended_at,
       talk_seconds, end_cause, codec)
     VALUES (?, ?, 'outbound', 'softphone', ?, ?, ?, ?, ?, 'hangup', 'opus')`,
  );
  const disposition = db.prepare(
    `INSERT INTO dispositions (id, lead_id, call_id, status_code, note, callback_at, stage_before,
       stage_after, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'new', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < CALLS / CALLS_PER_LEAD; i++) {
      const id = randomUUID();
      const phone = `+8486${String(1_000_000 + i).padStart(7, '0')}`;
      const received = now - Math.round(rnd() * 30 * 24 * 60) * MINUTE;
      let t = received + MINUTE;
      let stage = 'new';
      let outcome = 'new.not_reachable';
      let callbackAt: number | null = null;
      const calls: [string, number, boolean][] = [];
      for (let k = 0; k < CALLS_PER_LEAD; k++) {
        t += Math.round(rnd() * 24 * 60) * MINUTE;
        const reached = rnd() < 0.4;
        calls.push([randomUUID(), t, reached]);
        outcome = reached ? 'new.converted' : 'new.not_reachable';
        if (reached) stage = 'contact';
        callbackAt = t + 24 * 60 * MINUTE;
      }
      lead.run(
        id,
        `Khách hàng ${i}`,
        phone,
        `0${phone.slice(3)}`,
        stage,
        'callback',
        callbackAt,
        stage === 'contact' ? 'customer.contacted' : 'customer.not_reachable',
        outcome,
        received,
        received,
        t,
      );
      for (const [callId, at, reached] of calls) {
        const talk = reached ? 30 + Math.round(rnd() * 300) : 0;
        call.run(
          callId,
          id,
          phone,
          at,
          reached ? at + 8_000 : null,
          at + 8_000 + talk * 1000,
          talk,
        );
        disposition.run(
          randomUUID(),
          id,
          callId,
          reached ? 'new.converted' : 'new.not_reachable',
          reached ? 'Khách quan tâm liệu trình, hẹn gọi lại' : '',
          at + 24 * 60 * MINUTE,
          reached ? 'contact' : 'new',
          at,
        );
      }
    }
  })();
}

/** Sends a bundle file to a core the way the renderer does: `imports.begin`, then chunks. */
async function uploadBundle(core: Core, path: string): Promise<string> {
  const bytes = readFileSync(path);
  const { uploadId } = await core.handlers['imports.begin']({
    fileName: basename(path),
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
    const data = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
    await core.handlers['imports.chunk']({ uploadId, offset, data });
  }
  return uploadId;
}

/** `sync.merge.100k_calls_s`: a bundle of 100,000 calls, their leads and dispositions, merged. */
export const syncBench: Bench = {
  name: 'sync merge',
  async run() {
    const dir = tempDir('leadphone-bench-');
    try {
      const agent = createCore({
        dbPath: join(dir.path, 'agent', 'leadphone.db'),
        clock: { now: () => BENCH_NOW },
        log: silentLog,
      });
      await agent.handlers['agent.set']({ name: 'Nguyễn Thị Hoa', code: 'A01' });
      fillAgentWork(agent.db, BENCH_NOW);
      let t = performance.now();
      const exported = await agent.handlers['sync.exportBundle']({ since: 'all' });
      const exportS = (performance.now() - t) / 1000;
      const bundle = exported.path;
      agent.close();

      const supervisorPath = seededDatabaseCopy(SUPERVISOR_LEADS, dir.path);
      const supervisor = createCore({
        dbPath: supervisorPath,
        clock: { now: () => BENCH_NOW },
        log: silentLog,
      });
      await supervisor.handlers['agent.set']({ name: 'Giám sát', code: 'GS01' });
      // The upload is not timed: on one machine it is a file copy in 512 KiB chunks.
      const upload = () => uploadBundle(supervisor, bundle);
      let uploadId = await upload();
      t = performance.now();
      const first = await supervisor.handlers['sync.importBundles']({ uploadIds: [uploadId] });
      const mergeS = (performance.now() - t) / 1000;
      const calls = first.results[0]!.counts.calls!;
      if (calls.added !== CALLS) throw new Error(`merged ${calls.added} calls, not ${CALLS}`);
      uploadId = await upload();
      t = performance.now();
      const again = await supervisor.handlers['sync.importBundles']({ uploadIds: [uploadId] });
      const againS = (performance.now() - t) / 1000;
      if (again.results[0]!.counts.calls!.added !== 0) throw new Error('the re-import added rows');
      supervisor.close();
      console.log(
        `  bundle: ${JSON.stringify(exported.counts)}, ${round(statSync(bundle).size / 1e6, 1)} MB`,
      );
      return [
        {
          name: 'sync.merge.100k_calls_s',
          value: round(mergeS, 2),
          unit: 's',
          goal: '< 30 s (a month of one agent, merged at the supervisor with 100k leads)',
        },
        {
          name: 'sync.merge.100k_calls_again_s',
          value: round(againS, 2),
          unit: 's',
          goal: 're-import of the same bundle (nothing changes)',
        },
        {
          name: 'sync.export.100k_calls_s',
          value: round(exportS, 2),
          unit: 's',
          goal: 'the agent making that bundle',
        },
      ];
    } finally {
      dir.remove();
    }
  },
};
