import { maskPhonesInText } from '../../../shared/phoneMask';

/** Words of a context key (camelCase, snake_case, kebab-case) whose value never reaches a log. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'secrets',
  'token',
  'credential',
  'credentials',
  'pin',
  'authorization',
  'cookie',
  'key',
  'apikey',
]);

function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => SECRET_WORDS.has(w));
}
/** `password=…`, `token: …` and the like inside free text (error messages, URLs). */
const SECRET_IN_TEXT =
  /\b(password|passwd|pwd|secret|token|pin|authorization)(["']?\s*[:=]\s*["']?)([^\s"',;&]+)/gi;
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

/** Secrets named in free text are redacted, phone numbers lose their middle digits. */
export function sanitizeText(text: string): string {
  return maskPhonesInText(text.replace(SECRET_IN_TEXT, `$1$2${REDACTED}`));
}

/** A copy of a log line's context safe to write: secret-named keys redacted, strings sanitized. */
export function sanitizeContext(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return sanitizeText(value.message);
  if (Array.isArray(value)) return value.map((v) => sanitizeContext(v, depth + 1));
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? REDACTED : sanitizeContext(v, depth + 1);
  }
  return out;
}

/**
 * One log line as written to the file: JSON with an ISO time. The whole line goes through the
 * phone masking once more, so a number hidden in a key or an odd field is caught too.
 */
export function formatLogLine(
  at: number,
  level: 'info' | 'warn' | 'error',
  message: string,
  context?: Record<string, unknown>,
): string {
  const line = JSON.stringify({
    at: new Date(at).toISOString(),
    level,
    message: sanitizeText(message),
    ...(context ? { context: sanitizeContext(context) } : {}),
  });
  return `${maskPhonesInText(line)}\n`;
}
