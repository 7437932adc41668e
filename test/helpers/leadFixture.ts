import { randomUUID } from 'node:crypto';
import type { Lead } from '../../src/shared/domain';
import { T0 } from './fakeClock';

/** A complete lead for tests that build rows by hand; override what the test is about. */
export function leadFixture(fields: Partial<Lead> = {}): Lead {
  return {
    id: randomUUID(),
    name: 'Khách hàng',
    phone: null,
    phoneAsGiven: '',
    source: '',
    note: '',
    stage: 'new',
    nextAction: 'call_now',
    nextActionAt: null,
    customerStatus: null,
    receivedAt: T0,
    createdAt: T0,
    updatedAt: T0,
    phone2: null,
    gender: '',
    birthYear: null,
    province: '',
    district: '',
    address: '',
    doNotCall: false,
    phoneWrong: false,
    lastOutcome: null,
    ...fields,
  };
}
