import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Goes in tens, so a hotfix can slot in between. */
  version: number;
  name: string;
  up(db: Database): void;
}
