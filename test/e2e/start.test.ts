import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir';

const root = join(__dirname, '..', '..');
const run = promisify(execFile);

function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  output: string[],
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const m = pattern.exec(line);
        if (m) resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`npm start exited (${code}):\n${output.join('\n')}`)),
    );
  });
}

describe('npm start where Electron’s binary is missing', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    for (const d of dirs) d.remove();
  });

  it('says so in one line and serves the app; curl of the printed URL returns the page', async () => {
    const data = tempDir();
    const noElectron = tempDir();
    dirs.push(data, noElectron);
    child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        LEADPHONE_DATA_DIR: data.path,
        LEADPHONE_ELECTRON_DIR: noElectron.path,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const output: string[] = [];
    const [, url] = await waitForLine(
      child,
      /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/,
      output,
    );

    const electronLines = output.filter((l) => /electron/i.test(l));
    expect(electronLines).toHaveLength(1);
    expect(electronLines[0]).toMatch(
      /Electron’s binary is not installed .* opens in your browser instead/,
    );

    const { stdout } = await run('curl', ['-sS', '--max-time', '5', url!]);
    expect(stdout).toContain('<div id="root"></div>');
    expect(stdout).toContain('<title>LeadPhone</title>');

    // Stopping npm start stops the host it started.
    const port = new URL(url!).port;
    const exited = new Promise((r) => child!.once('exit', r));
    process.kill(child.pid!, 'SIGTERM');
    await exited;
    await expect(
      run('curl', ['-sS', '--max-time', '2', `http://127.0.0.1:${port}/`]),
    ).rejects.toThrow();
  });
});
