import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUploads, UPLOAD_IDLE_MS } from '../../../src/main/core/intake/uploads';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

const MIN = 60_000;

describe('uploads nobody finishes', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('are dropped, file and all, when the next upload begins long after', () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    let now = 1_000_000;
    const uploads = createUploads(dir.path, () => now);
    const idle = uploads.begin('leads.csv', 10);
    uploads.write(idle, 0, Buffer.from('name,'));
    const idlePath = join(dir.path, 'imports', readdirSync(join(dir.path, 'imports'))[0]!);

    now += UPLOAD_IDLE_MS - MIN;
    const busy = uploads.begin('other.csv', 4);
    now += 30 * MIN;
    uploads.write(busy, 0, Buffer.from('ab'));
    // The first one is now over an hour idle; the second was used half an hour ago.
    now += 2 * MIN;
    uploads.begin('third.csv', 1);
    expect(existsSync(idlePath)).toBe(false);
    expect(() => uploads.nameOf(idle)).toThrow(/unknown or finished/);
    expect(uploads.nameOf(busy)).toBe('other.csv');
  });

  it('including one whose import the role refused before it could clean up', async () => {
    const t: TempCore = tempCore({ role: 'agent' });
    cleanups.push(() => t.dispose());
    const call = (method: string, input: unknown) => t.core.dispatch(method, input);
    const begun = await call('imports.begin', { fileName: 'a01.lpbundle', size: 3 });
    if (!begun.ok) throw new Error(begun.error.message);
    const { uploadId } = begun.value as { uploadId: string };
    await call('imports.chunk', {
      uploadId,
      offset: 0,
      data: Buffer.from('abc').toString('base64'),
    });
    const refused = await call('sync.importBundles', { uploadIds: [uploadId] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const folder = join(t.dir, 'imports');
    expect(readdirSync(folder)).toHaveLength(1);

    t.clock.advance(UPLOAD_IDLE_MS + MIN);
    expect(await call('imports.begin', { fileName: 'leads.csv', size: 5 })).toMatchObject({
      ok: true,
    });
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/\.csv$/)]);
  });
});
