/*
 * Merging a duplicate row into an existing lead appends its source and note, once: appending
 * only what is not there yet is what makes importing the same file twice change nothing.
 */

const SOURCE_SEPARATOR = '; ';

/** `Facebook` + `Zalo` → `Facebook; Zalo`; a source already listed is not added again. */
export function appendSource(existing: string, incoming: string): string {
  if (incoming === '') return existing;
  if (existing === '') return incoming;
  if (existing.split(SOURCE_SEPARATOR).includes(incoming)) return existing;
  return existing + SOURCE_SEPARATOR + incoming;
}

/** Notes go one under the other; a note already there (as whole lines) is not added again. */
export function appendNote(existing: string, incoming: string): string {
  if (incoming === '') return existing;
  if (existing === '') return incoming;
  if (`\n${existing}\n`.includes(`\n${incoming}\n`)) return existing;
  return `${existing}\n${incoming}`;
}
