import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import { createWebSocketTransport } from '../../../src/renderer/api/websocketTransport';
import { createClient, type Client } from '../../../src/renderer/api/client';
import type { Transport } from '../../../src/shared/api';
import type { ExportKind } from '../../../src/shared/exportTypes';
import { TEST_PIN } from '../../helpers/access';
import { NUMBER_SPELLINGS } from '../../helpers/numberSpellings';
import { tempCore, type TempCore } from '../../helpers/tempCore';

/** The leads: two share the digits a mask shows, one has another number in its note. */
const LEADS = [
  { name: 'Chị Lan', phone: '0912345678' },
  { name: 'Anh Minh', phone: '0912987678' },
  { name: 'Cô Hoa', phone: '0903111222', note: 'gọi số 0913579246 nhé' },
  { name: 'Anh Tuấn', phone: '0988777654' },
];
const NOTE = 'gọi số 0912345678 nhé';
const HIDDEN = [4, 5, 6];
const DIGITS = '0123456789'.split('');

describe('what masking promises an agent: no number shown, handed or found by searching', () => {
  let t: TempCore;
  let host: Host;
  let admin: Client;
  const transports: (Transport & { close(): void })[] = [];
  const connect = (): { client: Client; events: [string, unknown][] } => {
    const transport = createWebSocketTransport(
      `ws://127.0.0.1:${host.port}/ws?token=${host.token}`,
    );
    transports.push(transport);
    const events: [string, unknown][] = [];
    transport.on((event, payload) => events.push([event, payload]));
    return { client: createClient(transport), events };
  };
  const ids = new Map<string, string>();

  beforeEach(async () => {
    t = tempCore({ role: 'agent' });
    host = await startHost({ core: t.core, rendererDir: join(t.dir, 'none'), log: silentLog });
    admin = connect().client;
    await admin.call('auth.unlock', { pin: TEST_PIN });
    for (const lead of LEADS) ids.set(lead.phone, (await admin.call('leads.add', lead)).id);
  });
  afterEach(async () => {
    for (const tr of transports.splice(0)) tr.close();
    await host.close();
    t.dispose();
  });

  const found = async (client: Client, query: string) =>
    (await client.call('leads.search', { query, limit: 50 })).items.map((l) => l.id).sort();

  /**
   * The attack from the issue, as an agent would run it from the search box: for each hidden
   * position, try the ten digits in a run the agent can type (after the known head, before the
   * known tail, in a four-digit window, inside a whole number) and keep the digit whose search
   * brings the lead back. Returns the digits it pinned down, and every result it saw by digit.
   */
  async function attack(client: Client, national: string, leadId: string) {
    const recovered: string[] = [];
    const resultsByFamily: string[][][] = [];
    const guess = (p: number, d: string) => national.slice(0, p) + d + national.slice(p + 1);
    for (const p of HIDDEN) {
      const families: ((d: string) => string)[] = [
        (d) => national.slice(0, p) + d,
        (d) => d + national.slice(p + 1),
        (d) => guess(p, d).slice(p - 3, p + 1),
        (d) => guess(p, d).slice(p, p + 4),
        (d) => guess(p, d),
        (d) => `${national.slice(0, p)} ${d}`,
      ];
      for (const family of families) {
        const results: string[][] = [];
        const hits: string[] = [];
        for (const d of DIGITS) {
          const r = await found(client, family(d));
          results.push(r);
          if (r.includes(leadId)) hits.push(d);
        }
        resultsByFamily.push(results);
        if (hits.length === 1) recovered.push(`${p}:${hits[0]}`);
      }
    }
    return { recovered, resultsByFamily };
  }

  it('recovers no hidden digit of a number or of a number in a note, digit by digit', async () => {
    await admin.call('auth.setMasking', { maskNumbers: true });
    const { client: agent } = connect();
    const targets = [
      ...LEADS.map((l) => ({ national: l.phone, leadId: ids.get(l.phone)! })),
      { national: '0913579246', leadId: ids.get('0903111222')! },
    ];
    for (const target of targets) {
      const { recovered, resultsByFamily } = await attack(agent, target.national, target.leadId);
      expect(recovered).toEqual([]);
      // Stronger than "no single digit wins": no result depends on the digit tried at all.
      for (const results of resultsByFamily) {
        for (const r of results) expect(r).toEqual(results[0]);
      }
    }
  });

  it('finds a lead by the digits its mask shows or by its whole number, never by hidden ones', async () => {
    await admin.call('auth.setMasking', { maskNumbers: true });
    const { client: agent } = connect();
    const lan = ids.get('0912345678')!;
    const minh = ids.get('0912987678')!;
    // The whole number, in any form: the two leads that show 0912 *** 678 (results the same
    // for every middle, so a sweep of all thousand middles tells nothing).
    for (const q of ['0912345678', '+84 912 345 678', '0912.000.678', '0912 678']) {
      expect(await found(agent, q)).toEqual([lan, minh].sort());
    }
    expect(await found(agent, '0912')).toEqual([lan, minh].sort());
    expect(await found(agent, '678')).toEqual([lan, minh].sort());
    expect(await found(agent, 'lan 0912')).toEqual([lan]);
    for (const q of ['2345', '345678', '12345', '345 678', 'số 0913579', '579246 nhé']) {
      expect(await found(agent, q)).toEqual([]);
    }
  });

  it('pages a masked search with its cursor and answers odd queries with a page', async () => {
    for (const phone of ['0912111678', '0912222678']) {
      await admin.call('leads.add', { name: 'Khách', phone });
    }
    await admin.call('auth.setMasking', { maskNumbers: true });
    const { client: agent } = connect();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await agent.call(
        'leads.search',
        { query: '0912 678', limit: 1, cursor },
      );
      seen.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toContain(ids.get('0912345678'));
    for (const q of ['', '+', '***', '"', '0912 *** 678', '((((', 'đ', '+84', 'x'.repeat(200)]) {
      const page = await agent.call('leads.search', { query: q, limit: 5 });
      expect(Array.isArray(page.items)).toBe(true);
    }
  });

  it('reads past any number of candidates that match only in hidden digits', async () => {
    // 039NN0912X holds 0912 where its mask (039N *** 12X) hides it; newer than the leads
    // that show 0912, so a search reads them all first.
    for (let i = 0; i < 250; i++) {
      const phone = `039${String(Math.floor(i / 10)).padStart(2, '0')}0912${i % 10}`;
      expect((await t.core.dispatch('leads.add', { name: `Khách ${i}`, phone })).ok).toBe(true);
    }
    await admin.call('auth.setMasking', { maskNumbers: true });
    const { client: agent } = connect();
    expect(await found(agent, '0912')).toEqual(
      [ids.get('0912345678')!, ids.get('0912987678')!].sort(),
    );
  });

  it('finds a number in every spelling the importer reads, by its shown digits only', async () => {
    const add = async (name: string, phone: string) =>
      (await admin.call('leads.add', { name, phone })).id;
    const hang = await add('Chị Hằng', '0393537138');
    // Shows the same 0393 *** 138: a whole number finds both, whatever its middle.
    const sameMask = await add('Anh Sơn', '0393000138');
    await add('Anh Khác', '0393537139');
    await admin.call('auth.setMasking', { maskNumbers: true });
    const { client: agent } = connect();
    for (const query of NUMBER_SPELLINGS) {
      expect([query, await found(agent, query)]).toEqual([query, [hang, sameMask].sort()]);
    }
    // Typed the old way (0169 353 7138), the hidden digits of 0393 *** 138 are positions 5–7:
    // no result depends on what is typed there.
    for (const p of [5, 6, 7]) {
      const results = [];
      for (const d of DIGITS) {
        const old = `01693537138`.slice(0, p) + d + `01693537138`.slice(p + 1);
        results.push(await found(agent, old), await found(agent, `+84 ${old.slice(1)}`));
      }
      for (const r of results) expect(r).toEqual([hang, sameMask].sort());
    }
  });

  it('an agent without masking, a supervisor and an admin still search any digits', async () => {
    const { client: agent } = connect();
    const lan = ids.get('0912345678')!;
    // The same attack works when nothing is hidden: the test's attacker is a real one.
    const open = await attack(agent, '0912345678', lan);
    expect(open.recovered).toContain('5:4');
    expect(await found(agent, '2345')).toEqual([lan]);
    expect(await found(agent, '579246')).toEqual([ids.get('0903111222')!]);

    await admin.call('auth.setMasking', { maskNumbers: true });
    expect(await found(admin, '2345')).toEqual([lan]);
    await admin.call('auth.setRole', { role: 'supervisor' });
    const { client: supervisor } = connect();
    expect(await found(supervisor, '2345')).toEqual([lan]);
    const lead = await supervisor.call('leads.get', { id: ids.get('0903111222')! });
    expect(lead.note).toBe('gọi số 0913579246 nhé');
  });

  describe('a number written in free text', () => {
    let leadId: string;
    beforeEach(async () => {
      leadId = (await admin.call('leads.add', { name: 'Chú Bảy', phone: '0977000111', note: NOTE }))
        .id;
      await admin.call('leads.update', { id: leadId, address: '12 Lê Lợi, ĐT 0987.654.321' });
      await admin.call('leads.addNote', { id: leadId, text: 'số mới +84 903 222 444' });
      await admin.call('dispositions.save', {
        leadId,
        statusCode: 'new.not_reachable',
        callbackAt: t.clock.now() + 60 * 60_000,
        note: 'bảo gọi 0905666777 buổi chiều',
      });
    });
    const FULL = [
      '0912345678',
      '912345678',
      '654.321',
      '654321',
      '903 222 444',
      '903222444',
      '0905666777',
      '905666777',
    ];
    const expectMasked = (value: unknown) => {
      const text = JSON.stringify(value);
      for (const full of FULL) expect(text).not.toContain(full);
    };

    it('comes back masked from list, get, detail, search, reminders and events', async () => {
      await admin.call('auth.setMasking', { maskNumbers: true });
      const { client: agent, events } = connect();
      const listed = (await agent.call('leads.list', { stage: 'new' })).items.find(
        (l) => l.id === leadId,
      );
      expect(listed?.note).toBe('gọi số 0912 *** 678 nhé');
      const got = await agent.call('leads.get', { id: leadId });
      expect(got.note).toBe('gọi số 0912 *** 678 nhé');
      expect(got.address).toBe('12 Lê Lợi, ĐT 0987 *** 321');
      const detail = await agent.call('leads.detail', { id: leadId });
      const searched = await agent.call('leads.search', { query: 'chú bảy', limit: 10 });
      expect(searched.items[0]?.note).toBe('gọi số 0912 *** 678 nhé');
      const reminders = await agent.call('reminders.list', {});
      await admin.call('leads.update', { id: leadId, province: 'Hà Nội' });
      t.timers.advance(60 * 60_000);
      await agent.call('reminders.list', {});
      expect(events.some(([e]) => e === 'reminder.due')).toBe(true);
      const seen = [listed, got, detail, searched, reminders, events];
      expectMasked(seen);
      expect(JSON.stringify(detail.timeline)).toContain('0903 *** 444');

      // Supervisors and admins read it all as written (the hour above ended the admin's unlock).
      await admin.call('auth.unlock', { pin: TEST_PIN });
      const full = await admin.call('leads.detail', { id: leadId });
      expect(full.lead.note).toBe(NOTE);
      expect(JSON.stringify(full.timeline)).toContain('+84 903 222 444');
    });

    it('saving the forms as the agent was shown them keeps every stored number', async () => {
      await admin.call('leads.update', { id: leadId, phone2: '0987111222' });
      await admin.call('auth.setMasking', { maskNumbers: true });
      const { client: agent } = connect();
      const shown = await agent.call('leads.get', { id: leadId });
      expect(shown).toMatchObject({ note: 'gọi số 0912 *** 678 nhé', phone2: '0987 *** 222' });
      // The contact form sends every field it shows; the agent only added to the note.
      await agent.call('leads.update', {
        id: leadId,
        note: `${shown.note} Đã gọi.`,
        address: shown.address,
        province: 'Hà Nội',
        phone2: shown.phone2!,
      });
      // The convert form starts from the lead as shown, its delivery address from the address.
      await agent.call('dispositions.save', {
        leadId,
        statusCode: 'new.converted',
        customer: {
          name: shown.name,
          phone2: shown.phone2!,
          province: 'Hà Nội',
          district: shown.district,
          address: shown.address,
        },
        order: {
          items: [{ productName: 'Liệu trình 1 tháng', quantity: 1, unitPrice: 450_000 }],
          deliveryAddress: `${shown.address}, Hà Nội`,
        },
      });
      const stored = await admin.call('leads.detail', { id: leadId });
      expect(stored.lead).toMatchObject({
        note: `${NOTE} Đã gọi.`,
        address: '12 Lê Lợi, ĐT 0987.654.321',
        province: 'Hà Nội',
        phone2: '+84987111222',
      });
      expect(stored.orders[0]?.deliveryAddress).toBe('12 Lê Lợi, ĐT 0987.654.321, Hà Nội');
    });

    it('is masked in the agent’s CSV and XLSX exports of leads, calls and orders', async () => {
      await admin.call('dispositions.save', {
        leadId,
        statusCode: 'new.converted',
        customer: { name: 'Chú Bảy', address: 'giao 0912345678' },
        order: {
          items: [{ productName: 'Liệu trình 1 tháng', quantity: 1, unitPrice: 450_000 }],
          deliveryAddress: 'Ngõ 5, gọi 0912345678 trước',
          note: 'khách dặn gọi 0905666777',
        },
      });
      await admin.call('auth.setMasking', { maskNumbers: true });
      const { client: agent } = connect();
      const exported = async (client: Client, kind: ExportKind, format: 'csv' | 'xlsx') => {
        const report = await client.call('exports.start', { id: randomUUID(), kind, format });
        if (format === 'csv') return readFileSync(report.path, 'utf8');
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(report.path);
        const cells: unknown[] = [];
        book.worksheets[0]!.eachRow((row) => cells.push(row.values));
        return JSON.stringify(cells);
      };
      for (const kind of ['leads', 'calls', 'orders'] as const) {
        for (const format of ['csv', 'xlsx'] as const) {
          const text = await exported(agent, kind, format);
          for (const full of FULL) expect(text, `${kind}.${format}`).not.toContain(full);
        }
      }
      expect(await exported(agent, 'leads', 'csv')).toContain('gọi số 0912 *** 678 nhé');
      expect(await exported(agent, 'leads', 'xlsx')).toContain('gọi số 0912 *** 678 nhé');
      expect(await exported(admin, 'leads', 'xlsx')).toContain(NOTE);
      expect(await exported(admin, 'leads', 'csv')).toContain(NOTE);
    });
  });
});
