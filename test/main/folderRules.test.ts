import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The folder rules are enforced by lint; this checks the rules themselves bite.
const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('folder rules', () => {
  it('keep src/shared free of Electron, Node, React and the DOM', async () => {
    expect(
      await restrictedImports(
        'src/shared/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/shared/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/shared/x.ts',
        "import { useState } from 'react';\nexport const a = useState;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('src/shared/x.ts', 'export const a = window.location;\n'),
    ).toHaveLength(1);
    expect(
      await restrictedImports('src/shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n"),
    ).toEqual([]);
  });

  it('keep the renderer away from src/main and Node', async () => {
    expect(
      await restrictedImports(
        'src/renderer/x.ts',
        "import { createCore } from '../main/core/core';\nexport const a = createCore;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/renderer/x.ts',
        "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/renderer/x.ts',
        "import { join } from 'node:path';\nexport const a = join;\n",
      ),
    ).toHaveLength(1);
  });

  it('keep the core and the host free of Electron', async () => {
    expect(
      await restrictedImports(
        'src/main/core/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/main/host/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/main/electron/window2.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
  });

  it('keep the team server to src/shared and its own dependencies, and the app off it', async () => {
    for (const code of [
      "import { app } from 'electron';\nexport const a = app;\n",
      "import { useState } from 'react';\nexport const a = useState;\n",
      "import Database from 'better-sqlite3';\nexport const a = Database;\n",
      "import { createCore } from '../main/core/core';\nexport const a = createCore;\n",
      "import { App } from '../renderer/App';\nexport const a = App;\n",
    ]) {
      expect(await restrictedImports('src/server/x.ts', code)).toHaveLength(1);
    }
    expect(
      await restrictedImports(
        'src/server/x.ts',
        "import pg from 'pg';\nimport { Role } from '../shared/roles';\nexport const a = [pg, Role];\n",
      ),
    ).toEqual([]);
    // The app, every part of it, reaches the server only over the network.
    for (const file of ['src/main/core/x.ts', 'src/main/host/x.ts', 'src/main/x.ts']) {
      expect(
        await restrictedImports(
          file,
          "import { startTeamServer } from '../server/teamServer';\nexport const a = startTeamServer;\n",
        ),
      ).toHaveLength(1);
    }
    // The core keeps its own rule too: a later block must not have replaced it.
    expect(
      await restrictedImports(
        'src/main/core/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toHaveLength(1);
    for (const file of ['src/renderer/x.ts', 'src/shared/x.ts']) {
      expect(
        await restrictedImports(
          file,
          "import { startTeamServer } from '../server/teamServer';\nexport const a = startTeamServer;\n",
        ),
      ).toHaveLength(1);
    }
  });

  it('keep Electron to the shell, and the core off both shells', async () => {
    const electron = "import { app } from 'electron';\nexport const a = app;\n";
    // Anywhere in main outside src/main/electron, Electron is refused.
    for (const file of ['src/main/x.ts', 'src/main/tools/x.ts', 'src/main/core/leads/x.ts']) {
      expect(await restrictedImports(file, electron)).toHaveLength(1);
    }
    expect(await restrictedImports('src/main/electron/ipc2.ts', electron)).toEqual([]);
    // The shell keeps main's other rules: a later block must not have replaced them.
    expect(
      await restrictedImports(
        'src/main/electron/x.ts',
        "import { App } from '../../renderer/App';\nexport const a = App;\n",
      ),
    ).toHaveLength(1);
    // The core serves both shells and imports neither.
    for (const code of [
      "import { INVOKE_CHANNEL } from '../../electron/ipc';\nexport const a = INVOKE_CHANNEL;\n",
      "import { startHost } from '../../host/server';\nexport const a = startHost;\n",
    ]) {
      expect(await restrictedImports('src/main/core/leads/x.ts', code)).toHaveLength(1);
    }
    expect(
      await restrictedImports(
        'src/main/core/leads/x.ts',
        "import { readSettings } from '../settings/db/settings';\nexport const a = readSettings;\n",
      ),
    ).toEqual([]);
  });

  it('keep source files under 400 lines, but for the two dictionaries', async () => {
    const long = 'export const a = 1;\n'.repeat(401);
    const rules = async (filePath: string) => {
      const [result] = await eslint.lintText(long, { filePath });
      return (result?.messages ?? []).map((m) => m.ruleId);
    };
    expect(await rules('src/main/core/leads/x.ts')).toContain('max-lines');
    expect(await rules('src/renderer/leads/X.tsx')).toContain('max-lines');
    expect(await rules('src/renderer/i18n/vi.ts')).not.toContain('max-lines');
    const [short] = await eslint.lintText('export const a = 1;\n'.repeat(400), {
      filePath: 'src/server/x.ts',
    });
    expect(short?.messages.map((m) => m.ruleId)).not.toContain('max-lines');
  });
});
