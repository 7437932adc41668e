import { UPLOAD_CHUNK_BYTES } from '../../shared/api/intake';
import type { Client } from './client';

/** What an `<input type=file>` gives (a File); a Blob with a name in tests. */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  slice(start: number, end: number): Blob;
}

// String.fromCharCode takes its arguments on the stack: convert in slices.
const SLICE = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

/**
 * Sends a file to main in chunks for an import and returns the upload's id. Works the same
 * over Electron IPC and the browser host's WebSocket, and never hands main a path.
 */
export async function uploadFile(
  client: Client,
  file: NamedBlob,
  onProgress?: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const { uploadId } = await client.call('imports.begin', { fileName: file.name, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      signal?.throwIfAborted();
      const end = Math.min(file.size, offset + UPLOAD_CHUNK_BYTES);
      const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
      await client.call('imports.chunk', { uploadId, offset, data: toBase64(bytes) });
      onProgress?.(end, file.size);
    }
  } catch (err) {
    await client.call('imports.cancel', { uploadId }).catch(() => undefined);
    throw err;
  }
  return uploadId;
}
