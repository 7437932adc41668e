export interface ServerMigration {
  /** Goes in tens, as the app's own migrations. */
  version: number;
  name: string;
  sql: string;
}
