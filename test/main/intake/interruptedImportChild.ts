// A core importing a file until the parent SIGKILLs it: prints `progress <rows>` as it goes.
import { readFileSync } from 'node:fs';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { UPLOAD_CHUNK_BYTES } from '../../../src/shared/api/intake';

const [dbPath, csvPath] = process.argv.slice(2) as [string, string];

async function main() {
  const core = createCore({ dbPath, log: silentLog });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(method as never, input as never);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  core.onEvent((event, payload) => {
    if (event === 'import.progress') console.log(`progress ${(payload as { done: number }).done}`);
  });
  const bytes = readFileSync(csvPath);
  const { uploadId } = await call<{ uploadId: string }>('imports.begin', {
    fileName: 'data-thang-12.csv',
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
    const data = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
    await call('imports.chunk', { uploadId, offset, data });
  }
  const { mapping } = await call<{ mapping: unknown }>('imports.preview', { uploadId });
  await call('imports.run', { uploadId, mapping });
  console.log('finished');
  core.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
