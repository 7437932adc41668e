import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { dncBlock } from '../src/main/core/compliance/callBlock';
import { registerInWorker } from '../src/main/core/compliance/registerInWorker';
import { openDatabase } from '../src/main/core/db/open';
import { tempDir } from '../test/helpers/tempDir';
import { seededRandom } from './seedLeads';
import { percentile, round, type Bench, type BenchResult } from './types';

const NUMBERS = 2_000_000;
const LOOKUPS = 100_000;
const NOW = Date.UTC(2026, 10, 23, 2);
/** Mobile prefixes of today's plan: the register is mostly mobiles. */
const PREFIXES = [
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '86',
  '88',
  '89',
  '70',
  '77',
  '79',
  '32',
  '35',
  '38',
];

/** A register file as an operator might give it: a header, CRLF, `0…` national numbers. */
async function writeRegister(path: string, random: () => number): Promise<number[]> {
  const out = createWriteStream(path);
  const kept: number[] = [];
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('SoDienThoai\r\n');
  let lines: string[] = [];
  for (let i = 0; i < NUMBERS; i++) {
    const prefix = PREFIXES[Math.floor(random() * PREFIXES.length)]!;
    const rest = String(Math.floor(random() * 10_000_000)).padStart(7, '0');
    lines.push(`0${prefix}${rest}`);
    if (i % 20 === 0) kept.push(Number(`84${prefix}${rest}`));
    if (lines.length === 10_000) {
      await write(lines.join('\r\n') + '\r\n');
      lines = [];
    }
  }
  await write(lines.join('\r\n') + '\r\n');
  await new Promise<void>((r) => out.end(() => r()));
  return kept;
}

export const dncBench: Bench = {
  name: 'dnc',
  async run(): Promise<BenchResult[]> {
    const dir = tempDir('leadphone-bench-dnc-');
    try {
      const random = seededRandom(19);
      const file = join(dir.path, 'dnc-register.csv');
      const listed = await writeRegister(file, random);
      const dbPath = join(dir.path, 'leadphone.db');
      openDatabase(dbPath).close();

      const started = performance.now();
      const info = await registerInWorker({
        dbPath,
        path: file,
        fileName: 'dnc-register.csv',
        fileDate: NOW,
        now: NOW,
      });
      const importS = (performance.now() - started) / 1000;

      const db = openDatabase(dbPath);
      const one = db.prepare('SELECT 1');
      const lookupMs: number[] = [];
      const baselineMs: number[] = [];
      let hits = 0;
      for (let i = 0; i < LOOKUPS; i++) {
        // Half listed numbers, half random ones (mostly not listed).
        const key =
          i % 2 === 0
            ? listed[Math.floor(random() * listed.length)]!
            : Number(`849${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`);
        const e164 = `+${key}`;
        let t0 = performance.now();
        if (dncBlock(db, e164)) hits++;
        lookupMs.push(performance.now() - t0);
        t0 = performance.now();
        one.get();
        baselineMs.push(performance.now() - t0);
      }
      const dbMb = statSync(dbPath).size / 1024 / 1024;
      db.close();
      console.log(
        `  ${info.numbers} distinct numbers, ${hits}/${LOOKUPS} lookups listed, database ${round(dbMb, 1)} MB`,
      );
      return [
        { name: 'dnc.import.2m_s', value: round(importS, 2), unit: 's', goal: '< 20' },
        {
          name: 'dnc.lookup.p99_ms',
          value: round(percentile(lookupMs, 99), 4),
          unit: 'ms',
          goal: '< 0.1',
        },
        {
          name: 'dnc.lookup.baseline_select1_p99_ms',
          value: round(percentile(baselineMs, 99), 4),
          unit: 'ms',
          goal: 'baseline',
        },
        { name: 'dnc.register.db_mb_2m', value: round(dbMb, 1), unit: 'MB', goal: 'info' },
      ];
    } finally {
      dir.remove();
    }
  },
};
