export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(epochMs: number, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) out[p.type] = p.value;
  return out;
}

/** `HH:mm dd/MM`, the way DOMAIN.md shows callback times. */
export function formatShortDateTime(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(epochMs, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}`;
}

/** `dd/MM/yyyy HH:mm`, for received times and exports. */
export function formatDateTime(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(epochMs, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
