import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLog, LOG_FILE } from '../../../src/main/core/infra/fileLog';
import type { Log } from '../../../src/main/core/infra/log';
import { fakeClock } from '../../helpers/fakeClock';
import { tempDir } from '../../helpers/tempDir';

const SIP_PASSWORD = 'S1p-Pa55-wörd!';

describe('the log files', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('rotate by size and keep the newest N files', () => {
    const log = createFileLog({ dir: dir.path, maxBytes: 2_000, keep: 3, clock: fakeClock() });
    for (let i = 0; i < 200; i++) log.info(`line ${i}`, { i, filler: 'x'.repeat(40) });
    const files = log.files();
    expect(files).toEqual([
      'leadphone.log',
      'leadphone.1.log',
      'leadphone.2.log',
      'leadphone.3.log',
    ]);
    for (const f of files) {
      expect(readFileSync(join(dir.path, f)).length).toBeLessThanOrEqual(2_000);
    }
    // Newest last in the current file, older lines in the rotated ones, the oldest dropped.
    const current = readFileSync(join(dir.path, LOG_FILE), 'utf8').trim().split('\n');
    expect(JSON.parse(current.at(-1)!)).toMatchObject({ level: 'info', message: 'line 199' });
    const older = readFileSync(join(dir.path, 'leadphone.1.log'), 'utf8').trim().split('\n');
    const lastOlder = JSON.parse(older.at(-1)!) as { context: { i: number } };
    const firstCurrent = JSON.parse(current[0]!) as { context: { i: number } };
    expect(lastOlder.context.i + 1).toBe(firstCurrent.context.i);
    const all = files.flatMap((f) => readFileSync(join(dir.path, f), 'utf8').trim().split('\n'));
    expect(all.length).toBeLessThan(200);
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.log'))).toHaveLength(4);
  });

  it('continues an existing file after a restart', () => {
    writeFileSync(join(dir.path, LOG_FILE), 'x'.repeat(1_900) + '\n');
    const log = createFileLog({ dir: dir.path, maxBytes: 2_000, keep: 2 });
    log.warn('after restart', { detail: 'y'.repeat(200) });
    expect(log.files()).toEqual(['leadphone.log', 'leadphone.1.log']);
    expect(readFileSync(join(dir.path, LOG_FILE), 'utf8')).toContain('after restart');
  });

  it('never holds a secret or a full phone number, in the file or the console echo', () => {
    const echoed: unknown[] = [];
    const echo: Log = {
      info: (...a) => echoed.push(a),
      warn: (...a) => echoed.push(a),
      error: (...a) => echoed.push(a),
    };
    const log = createFileLog({ dir: dir.path, clock: fakeClock(), echo });
    log.info('saving account', {
      password: SIP_PASSWORD,
      sipAccount: { username: '101', authPassword: SIP_PASSWORD, turnCredential: SIP_PASSWORD },
      adminPin: '246810',
      token: 'abc-token-123',
    });
    log.error(`register failed: password=${SIP_PASSWORD} for 0912345678`, {
      error: new Error(`401 with pwd: ${SIP_PASSWORD}`),
      phone: '+84912345678',
      numbers: ['0987.654.321', '+84 912 000 111', 'gọi 0168 912 3456 lúc 9h'],
      url: 'ws://127.0.0.1:5060/ws?token=very-secret-token',
    });
    log.warn('slow call', { method: 'leads.list', ms: 52 });

    const file = readFileSync(join(dir.path, LOG_FILE), 'utf8');
    const echo_ = JSON.stringify(echoed);
    for (const text of [file, echo_]) {
      for (const secret of [SIP_PASSWORD, '246810', 'abc-token-123', 'very-secret-token']) {
        expect(text).not.toContain(secret);
      }
      for (const full of ['0912345678', '912345678', '987.654.321', '912 000 111', '912 3456']) {
        expect(text).not.toContain(full);
      }
      expect(text).toContain('[redacted]');
      expect(text).toContain('0912 *** 678');
    }
    // What is not secret stays readable.
    expect(file).toContain('"username":"101"');
    expect(file).toContain('"method":"leads.list","ms":52');
    expect(file.trim().split('\n')).toHaveLength(3);
  });
});
