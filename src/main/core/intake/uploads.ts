import { randomUUID } from 'node:crypto';
import { openSync, readdirSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../infra/privateFiles';

/**
 * Files the renderer uploads for an import (lead lists, and sync bundles), kept under `<dataDir>/imports` until the import
 * ends. The renderer never names a path on this machine: it gets an id, and main owns where
 * the bytes go. Leftovers from a run that crashed are cleared when the core starts.
 */
export interface Uploads {
  begin(fileName: string, size: number): string;
  /** Writes a chunk at its offset; chunks must arrive in order. Returns bytes received. */
  write(id: string, offset: number, bytes: Buffer): number;
  /** The path of a complete upload. */
  pathOf(id: string): string;
  /** The name the file had on the user's side (last segment only), for messages. */
  nameOf(id: string): string;
  remove(id: string): void;
}

interface Upload {
  path: string;
  name: string;
  size: number;
  received: number;
  touchedAt: number;
}

/**
 * An upload nobody used for this long is dropped (its file deleted) when the next one begins:
 * one whose import was refused before its handler ran (a role), or whose window was closed.
 * Far longer than any import runs (an upload is touched when its import starts).
 */
export const UPLOAD_IDLE_MS = 6 * 60 * 60_000;

export function createUploads(dataDir: string, now: () => number = Date.now): Uploads {
  const dir = join(dataDir, 'imports');
  rmSync(dir, { recursive: true, force: true });
  const open = new Map<string, Upload>();

  const get = (id: string): Upload => {
    const upload = open.get(id);
    if (!upload) {
      throw new AppError(
        'not_found',
        'This upload is unknown or finished; choose the file again.',
        {
          fields: [{ path: 'uploadId', key: 'import_upload_unknown' }],
        },
      );
    }
    upload.touchedAt = now();
    return upload;
  };

  const uploads: Uploads = {
    begin(fileName, size) {
      for (const [id, upload] of open) {
        if (now() - upload.touchedAt <= UPLOAD_IDLE_MS) continue;
        try {
          uploads.remove(id);
        } catch {
          // Still open somewhere (Windows refuses to delete it): the next start clears it.
        }
      }
      makePrivateDir(dir);
      const id = randomUUID();
      // Only the extension of the user's name goes into the path: it says CSV, XLSX or bundle.
      const path = join(dir, `${id}${extname(fileName).toLowerCase()}`);
      try {
        closeSync(openSync(path, 'w', PRIVATE_FILE_MODE));
      } catch (err) {
        rmSync(path, { force: true });
        throw err;
      }
      const name = fileName.split(/[\\/]/).pop() || fileName;
      open.set(id, { path, name, size, received: 0, touchedAt: now() });
      return id;
    },
    write(id, offset, bytes) {
      const upload = get(id);
      if (offset !== upload.received || upload.received + bytes.length > upload.size) {
        throw new AppError('invalid_input', 'Upload chunks arrived out of order or too long.', {
          fields: [{ path: 'offset', key: 'import_upload_order' }],
        });
      }
      try {
        appendAll(upload.path, bytes);
      } catch (err) {
        // A chunk the disk had no room for (or any write refused): the partial file goes, and
        // the renderer starts the upload again rather than import a file with a hole in it.
        uploads.remove(id);
        throw err;
      }
      upload.received += bytes.length;
      return upload.received;
    },
    pathOf(id) {
      const upload = get(id);
      if (upload.received !== upload.size || statSync(upload.path).size !== upload.size) {
        throw new AppError('invalid_input', 'The file has not been uploaded completely.', {
          fields: [{ path: 'uploadId', key: 'import_upload_incomplete' }],
        });
      }
      return upload.path;
    },
    nameOf(id) {
      return get(id).name;
    },
    remove(id) {
      const upload = open.get(id);
      if (!upload) return;
      open.delete(id);
      rmSync(upload.path, { force: true });
      if (open.size === 0 && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
    },
  };
  return uploads;
}

/** Appends all of `bytes`: a write may take only part of them (a disk nearly full). */
function appendAll(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'a');
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
  } finally {
    closeSync(fd);
  }
}
