import { afterEach, beforeEach } from 'vitest';
import { ApiCallError, createClient, type Client } from '../../src/renderer/api/client';
import type { Transport } from '../../src/shared/api';
import { tempCore, type TempCore } from '../helpers/tempCore';

/** A transport to a core under test: the core itself, or the WebSocket host in front of it. */
export interface ContractRig {
  transport: Transport;
  close(): Promise<void>;
}

export type Connect = (t: TempCore) => Promise<ContractRig>;

/** The error a call was refused with; fails the test if the call succeeded. */
export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiCallError) return err.error;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/**
 * For a contract describe block: before each test a fresh core on a temp file and a typed
 * client over the transport under test; after it, both closed.
 */
export function useContractClient(connect: Connect): {
  readonly t: TempCore;
  readonly rig: ContractRig;
  readonly client: Client;
} {
  let t: TempCore;
  let rig: ContractRig;
  let client: Client;
  beforeEach(async () => {
    t = tempCore();
    rig = await connect(t);
    client = createClient(rig.transport);
  });
  afterEach(async () => {
    await rig.close();
    t.dispose();
  });
  return {
    get t() {
      return t;
    },
    get rig() {
      return rig;
    },
    get client() {
      return client;
    },
  };
}
