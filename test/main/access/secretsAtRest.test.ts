import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLog, LOG_DIR } from '../../../src/main/core/infra/fileLog';
import { DB_FILE } from '../../../src/main/core/infra/dataDir';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

const PASSWORD = 'Zq7-SipPass-2026!';
const TURN_CREDENTIAL = 'turn-cred-K9x3';

/** Every byte form the secret could take in a file: UTF-8, UTF-16 (both orders), Latin-1. */
function forms(secret: string): Buffer[] {
  const le = Buffer.from(secret, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(secret, 'utf8'), le, be, Buffer.from(secret, 'latin1')];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('a SIP password saved through the contract', () => {
  let t: TempCore;
  const dir = tempDir();
  afterEach(() => {
    t.dispose();
    dir.remove();
  });

  it('is nowhere in clear: not in the database file, the WAL or the logs', async () => {
    const log = createFileLog({ dir: join(dir.path, LOG_DIR) });
    t = tempCore({ dir: dir.path, log, role: 'agent' });
    const s = t.core.openSession();
    await s.dispatch('auth.unlock', { pin: '246810' });
    const account = {
      name: 'Tổng đài',
      wsServer: 'wss://pbx.example.vn:8089/ws',
      domain: 'pbx.example.vn',
      username: '101',
      password: PASSWORD,
      iceServers: [
        { urls: ['turn:turn.example.vn:3478'], username: 'u', credential: TURN_CREDENTIAL },
      ],
    };
    const saved = await s.dispatch('sipAccounts.save', account);
    expect(saved.ok).toBe(true);
    // Refused and failing calls log too; none of them may write the secret.
    await s.dispatch('sipAccounts.save', { ...account, wsServer: 'not a url' });
    await t.core.openSession().dispatch('sipAccounts.save', account);
    log.error('register failed', { password: PASSWORD, detail: `password=${PASSWORD}` });
    // The phone still gets it, from main, when it registers.
    const id = (saved as { value: { id: string } }).value.id;
    const creds = await s.dispatch('sipAccounts.credentials', { id });
    expect(creds).toMatchObject({ ok: true, value: { password: PASSWORD } });

    const wal = join(dir.path, `${DB_FILE}-wal`);
    expect(existsSync(wal)).toBe(true);
    expect(statSync(wal).size).toBeGreaterThan(0);
    const inspect = () => {
      const files = filesUnder(dir.path).filter((f) => !f.endsWith('secret.key'));
      expect(files.some((f) => f.endsWith(DB_FILE))).toBe(true);
      expect(files.some((f) => f.endsWith('leadphone.log'))).toBe(true);
      let control = 0;
      for (const file of files) {
        const bytes = readFileSync(file);
        // The scan reads the right bytes: the account's domain is stored in clear.
        if (bytes.includes('pbx.example.vn')) control++;
        for (const secret of [PASSWORD, TURN_CREDENTIAL]) {
          for (const form of forms(secret)) {
            expect(bytes.includes(form), `${secret} in ${file}`).toBe(false);
          }
        }
      }
      expect(control).toBeGreaterThan(0);
      return files.length;
    };
    expect(inspect()).toBeGreaterThanOrEqual(4); // db, wal, shm, log
    // And after a checkpoint moves the WAL's pages into the main file.
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    inspect();
  });
});
