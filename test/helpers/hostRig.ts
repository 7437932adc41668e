import { join } from 'node:path';
import { silentLog } from '../../src/main/core/infra/log';
import { startHost, type Host } from '../../src/main/host/server';
import { setTestAgent } from './agent';
import { tempCore, type TempCore } from './tempCore';

export const RENDERER_DIR = join(__dirname, '..', '..', 'out', 'renderer');

/** A core on a temp file behind the browser host, serving the built renderer. */
export async function hostRig(
  options: Pick<Parameters<typeof tempCore>[0] & object, 'role'> & {
    /** false: no agent yet (first start asks for one). */
    agent?: boolean;
  } = {},
): Promise<TempCore & { host: Host; stop(): Promise<void> }> {
  const t = tempCore({ role: options.role });
  if (options.agent !== false) setTestAgent(t.core.db);
  // The UI shows real times; the fake clock starts now so "received" and callbacks read naturally.
  t.clock.set(Date.now());
  const host = await startHost({ core: t.core, rendererDir: RENDERER_DIR, log: silentLog });
  return {
    ...t,
    host,
    async stop() {
      await host.close();
      t.dispose();
    },
  };
}
