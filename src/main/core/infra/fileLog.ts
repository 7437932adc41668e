import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  truncateSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock';
import type { Log } from './log';
import { formatLogLine, sanitizeContext, sanitizeText } from './logSanitizer';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'leadphone.log';
/** A day of a busy agent's log is well under this; a week of rotated files fits a support e-mail. */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 5;

export interface FileLog extends Log {
  readonly dir: string;
  /** The log files, newest first. */
  files(): string[];
}

/** `leadphone.log`, then `leadphone.1.log` (the previous one) … `leadphone.<keep>.log`. */
const rotated = (n: number) => (n === 0 ? LOG_FILE : LOG_FILE.replace(/\.log$/, `.${n}.log`));

/**
 * A log in files of at most `maxBytes`, keeping the `keep` previous ones. Every line is
 * sanitized (no secrets, no full phone numbers) before it is written or echoed. Writes are
 * synchronous appends: a line logged just before a crash is on disk.
 */
export function createFileLog(options: {
  dir: string;
  maxBytes?: number;
  keep?: number;
  clock?: Clock;
  /** Also shown here (the console), sanitized the same way. */
  echo?: Log;
}): FileLog {
  const { dir, echo } = options;
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  const clock = options.clock ?? systemClock;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    // A full disk has no room for a new folder: the app starts anyway, and lines are echoed.
  }
  const current = join(dir, LOG_FILE);
  let size = existsSync(current) ? statSync(current).size : 0;

  function rotate() {
    const oldest = join(dir, rotated(keep));
    if (existsSync(oldest)) unlinkSync(oldest);
    for (let n = keep - 1; n >= 0; n--) {
      const from = join(dir, rotated(n));
      if (existsSync(from)) renameSync(from, join(dir, rotated(n + 1)));
    }
    size = 0;
  }

  function write(
    level: 'info' | 'warn' | 'error',
    message: string,
    context?: Record<string, unknown>,
  ) {
    const line = formatLogLine(clock.now(), level, message, context);
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(current, line, { mode: 0o600 });
      size += bytes;
    } catch {
      // A full disk or a locked file must not take the app down with it; the echo still shows it.
      // The part of the line a full disk took is cut off again: the file stays one JSON per line.
      try {
        if (existsSync(current) && statSync(current).size > size) truncateSync(current, size);
      } catch {
        // Nothing more to do: the next rotation starts a fresh file.
      }
    }
    echo?.[level](
      sanitizeText(message),
      context ? (sanitizeContext(context) as Record<string, unknown>) : undefined,
    );
  }

  return {
    dir,
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
    files: () =>
      readdirSync(dir)
        .filter((f) => /^leadphone(\.\d+)?\.log$/.test(f))
        .sort((a, b) => order(a) - order(b)),
  };
}

function order(file: string): number {
  const m = /\.(\d+)\.log$/.exec(file);
  return m ? Number(m[1]) : 0;
}
