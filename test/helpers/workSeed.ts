import type { Db } from '../../src/main/core/db/open';
import { writeSettings } from '../../src/main/core/settings/db/settings';
import type { Client } from '../../src/renderer/api/client';
import type { Lead } from '../../src/shared/domain';
import type { EndCause } from '../../src/shared/softphone';
import type { FakeClock } from './fakeClock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const customer = (name: string) => ({
  name,
  phone2: '',
  gender: 'female' as const,
  birthYear: 1990,
  province: 'Hà Nội',
  district: 'Đống Đa',
  address: '5 Tây Sơn',
});

export interface SeededWork {
  leads: Record<string, Lead>;
  /** The instant the fake clock is left at: day 0, 12:00 local. */
  now: number;
}

/**
 * A small, known day of telesales work over three days (day0 − 2 … day0, `day0` = a local
 * midnight), written through the contract as the app writes it: leads, softphone calls with
 * answer and end times, desk-phone outcomes, callbacks (one missed, one done), two orders.
 * The fake clock moves as the work happens and is left at day 0, 12:00.
 *
 * By the definitions in shared/reportTypes.ts: 8 calls (day −2: 2, day −1: 2, day 0: 4),
 * 5 of them reached; 2 orders worth 900,000 + 1,500,000 ₫ (the second paid).
 */
export async function seedWork(
  client: Client,
  clock: FakeClock,
  day0: number,
): Promise<SeededWork> {
  const leads: Record<string, Lead> = {};
  const at = (day: number, hour: number, minute = 0) =>
    day0 + day * DAY + hour * HOUR + minute * MINUTE;
  const add = async (key: string, name: string, phone: string, source: string) => {
    leads[key] = await client.call('leads.add', { name, phone, source });
    return leads[key]!;
  };
  /** A softphone call: answered after 5 s when `talk` > 0 s, else unanswered. */
  const call = async (lead: Lead, talkSeconds: number, endCause: EndCause) => {
    const c = await client.call('calls.start', {
      leadId: lead.id,
      direction: 'outbound',
      number: lead.phone ?? lead.phoneAsGiven,
    });
    const answered = talkSeconds > 0 ? clock.now() + 5_000 : undefined;
    const ended = (answered ?? clock.now()) + talkSeconds * 1000 + (answered ? 0 : 20_000);
    await client.call('calls.update', {
      id: c.id,
      ...(answered === undefined ? {} : { answeredAt: answered }),
      endedAt: ended,
      endCause,
    });
    return c.id;
  };
  const save = async (
    lead: Lead,
    statusCode: string,
    callId: string | null,
    extra: Record<string, unknown> = {},
  ) => {
    const saved = await client.call('dispositions.save', {
      leadId: lead.id,
      statusCode,
      callId,
      ...extra,
    });
    leads[Object.keys(leads).find((k) => leads[k]!.id === lead.id)!] = saved.lead;
    return saved.lead;
  };

  // Day −2
  clock.set(at(-2, 9));
  const em = await add('em', 'Phạm Thị Em', '0912000105', 'Facebook');
  await save(em, 'new.wrong_number', null); // desk phone: a manual call, not reached
  clock.set(at(-2, 10));
  const giang = await add('giang', 'Võ Văn Giang', '0912000106', 'Zalo');
  await save(giang, 'new.not_reachable', await call(giang, 0, 'no_answer'), {
    callbackAt: at(-1, 10), // never called back: missed
  });

  // Day −1
  clock.set(at(-1, 9));
  const cuc = await add('cuc', 'Trần Thị Cúc', '0912000103', 'Facebook');
  await save(cuc, 'new.not_interested', await call(cuc, 30, 'remote_hangup'));
  clock.set(at(-1, 14));
  const dung = await add('dung', 'Lê Văn Dũng', '0912000104', 'Zalo');
  await save(dung, 'new.converted', await call(dung, 120, 'local_hangup'), {
    customer: customer('Lê Văn Dũng'),
    order: {
      items: [{ productName: 'Liệu trình 1 tháng', quantity: 2, unitPrice: 450_000 }],
      deliveryAddress: '5 Tây Sơn, Đống Đa, Hà Nội',
    },
  });

  // Day 0
  clock.set(at(0, 8, 30));
  const huong = await add('huong', 'Nguyễn Thị Hường', '0912000101', 'Facebook');
  await save(huong, 'new.converted', await call(huong, 60, 'local_hangup'), {
    customer: customer('Nguyễn Thị Hường'),
  });
  clock.set(at(0, 9));
  const binh = await add('binh', 'Đặng Văn Bình', '0912000102', 'Zalo');
  await save(binh, 'new.not_reachable', await call(binh, 0, 'busy'), {
    callbackAt: at(0, 10),
  });
  clock.set(at(0, 10, 5)); // the callback fell due; calling the lead completes it
  await call(binh, 45, 'remote_hangup'); // answered, no outcome yet: reached by talk time
  clock.set(at(0, 11));
  await save(huong, 'contact.closed_paid', await call(huong, 90, 'local_hangup'), {
    order: {
      items: [{ productName: 'Liệu trình 3 tháng', quantity: 1, unitPrice: 1_500_000 }],
      deliveryAddress: '5 Tây Sơn, Đống Đa, Hà Nội',
    },
  });
  clock.set(at(0, 12));
  return { leads, now: clock.now() };
}

/**
 * The seeded history calls some reached customers again within a day, as teams did before the
 * 24-hour rule (Decree 91) was enforced: the rule is turned off for the install being seeded
 * (what reports and exports count does not depend on it).
 */
export function allowRepeatCalls(db: Db): void {
  writeSettings(db, { repeatCallRule: false });
}
