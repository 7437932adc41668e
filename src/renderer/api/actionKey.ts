/**
 * The idempotency key of one user action (a save, a note): made at its first attempt, sent
 * unchanged with every retry of it, dropped once it went through so the next action gets its own.
 */
export interface ActionKey {
  get(): string;
  done(): void;
}

export function createActionKey(): ActionKey {
  let key: string | null = null;
  return {
    get: () => (key ??= crypto.randomUUID()),
    done() {
      key = null;
    },
  };
}
