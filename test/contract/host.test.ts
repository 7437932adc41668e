import { join } from 'node:path';
import { silentLog } from '../../src/main/core/infra/log';
import { startHost } from '../../src/main/host/server';
import { createWebSocketTransport } from '../../src/renderer/api/websocketTransport';
import { describeContract, type ContractRig } from './leadsContract';
import { describeWorkflowContract } from './workflowContract';
import { describeSoftphoneContract } from './softphoneContract';
import { describeIntakeContract } from './intakeContract';
import { describeSyncContract } from './syncContract';
import { describeIdempotencyContract } from './idempotencyContract';
import type { TempCore } from '../helpers/tempCore';

async function connect(t: TempCore): Promise<ContractRig> {
  const host = await startHost({
    core: t.core,
    rendererDir: join(t.dir, 'no-renderer'),
    log: silentLog,
  });
  const transport = createWebSocketTransport(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
  return {
    transport,
    close: async () => {
      transport.close();
      await host.close();
    },
  };
}

describeContract('through the WebSocket host', connect);
describeWorkflowContract('through the WebSocket host', connect);
describeSoftphoneContract('through the WebSocket host', connect);
describeIntakeContract('through the WebSocket host', connect);
describeSyncContract('through the WebSocket host', connect);
describeIdempotencyContract('through the WebSocket host', connect);
