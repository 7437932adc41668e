export interface Log {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const consoleLog: Log = {
  info: (m, c) => console.log(`[info] ${m}`, c ?? ''),
  warn: (m, c) => console.warn(`[warn] ${m}`, c ?? ''),
  error: (m, c) => console.error(`[error] ${m}`, c ?? ''),
};

export const silentLog: Log = { info() {}, warn() {}, error() {} };
