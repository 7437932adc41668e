import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../../src/server/embedded/postgresCluster';

/*
 * One throwaway PostgreSQL cluster for the server tests of a run (initdb in a temp folder, a
 * free loopback port), stopped by PID at the end. Each test file makes its own database in it
 * (test/helpers/postgres.ts); a test that kills or restarts PostgreSQL starts a cluster of its own.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'leadphone-pg-'));
  const cluster = await startPostgresCluster({ dir });
  project.provide('pgUrl', cluster.url);
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
