import { randomUUID } from 'node:crypto';
import { saveSelfAgent } from '../../src/main/core/sync/db/agents';
import type { Db } from '../../src/main/core/db/open';

/** The agent of a test install, so the first-start "who are you" dialog stays out of the way. */
export function setTestAgent(db: Db, agent = { name: 'Nhân viên thử', code: 'TEST01' }): void {
  saveSelfAgent(db, { newId: randomUUID(), ...agent, now: Date.now() });
}
