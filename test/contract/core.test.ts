import type { Transport } from '../../src/shared/api';
import { describeContract, type ContractRig } from './leadsContract';
import { describeWorkflowContract } from './workflowContract';
import { describeSoftphoneContract } from './softphoneContract';
import { describeIntakeContract } from './intakeContract';
import { describeSyncContract } from './syncContract';
import { describeIdempotencyContract } from './idempotencyContract';
import type { TempCore } from '../helpers/tempCore';

async function connect(t: TempCore): Promise<ContractRig> {
  const transport: Transport = {
    invoke: (method, input) => t.core.dispatch(method, input),
    on: (listener) => t.core.onEvent(listener),
  };
  return { transport, close: async () => {} };
}

describeContract('core directly', connect);
describeWorkflowContract('core directly', connect);
describeSoftphoneContract('core directly', connect);
describeIntakeContract('core directly', connect);
describeSyncContract('core directly', connect);
describeIdempotencyContract('core directly', connect);
