import type { Transport } from '../../src/shared/api';
import { describeContract } from './leadsContract';

describeContract('core directly', async (t) => {
  const transport: Transport = {
    invoke: (method, input) => t.core.dispatch(method, input),
    on: (listener) => t.core.onEvent(listener),
  };
  return { transport, close: async () => {} };
});
