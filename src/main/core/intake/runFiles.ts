import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import { makePrivateDir } from '../infra/privateFiles';

/**
 * The files of imports under way, in `<dataDir>/import-runs/<run id><ext>`: an upload is moved
 * here when its import starts and deleted when it ends, so a file whose import a crash cut short
 * is still there to resume at the next start. The renderer never names these paths either.
 */
export interface RunFiles {
  /** Moves a complete upload here; returns its new path. */
  adopt(uploadPath: string, id: string, ext: string): string;
  pathOf(id: string, ext: string): string;
  remove(id: string, ext: string): void;
  /** Deletes every file but those of the given runs (left behind by a run that was dismissed). */
  sweep(keep: ReadonlySet<string>): void;
}

export function createRunFiles(dataDir: string): RunFiles {
  const dir = join(dataDir, 'import-runs');
  const pathOf = (id: string, ext: string) => join(dir, `${id}${ext}`);
  return {
    adopt(uploadPath, id, ext) {
      makePrivateDir(dir);
      const path = pathOf(id, ext);
      renameSync(uploadPath, path);
      return path;
    },
    pathOf,
    remove(id, ext) {
      rmSync(pathOf(id, ext), { force: true });
    },
    sweep(keep) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (!keep.has(parse(name).name)) rmSync(join(dir, name), { force: true });
      }
    },
  };
}
