import {
  createTeamClient,
  fetchTransport,
  type TeamClient,
  type TeamTransport,
} from '../../src/shared/team/client';
import type { Role } from '../../src/shared/roles';
import { startTeamServer, type TeamServer } from '../../src/server/teamServer';
import { freshDatabase, type TestDatabase } from './postgres';

export interface TestTeam {
  server: TeamServer;
  database: TestDatabase;
  /** A client without a token, on the chosen transport. */
  anonymous: TeamClient;
  admin: TeamClient;
  adminAgentId: string;
  transport: TeamTransport;
  /** Enrols a person (code issued by the admin) and answers their client. */
  join(
    code: string,
    role?: Role,
    name?: string,
  ): Promise<{ client: TeamClient; agentId: string; deviceId: string; token: string }>;
  stop(): Promise<void>;
}

export type Via = 'direct' | 'network';

/** A team server on a fresh database, its first admin enrolled, reached directly or over TCP. */
export async function startTestTeam(
  via: Via,
  options: { now?: () => number } = {},
): Promise<TestTeam> {
  const database = await freshDatabase();
  const server = await startTeamServer({
    databaseUrl: database.url,
    port: 0,
    logError: (message, err) => console.error(message, err),
    ...(options.now ? { now: options.now } : {}),
  });
  const transport = via === 'direct' ? server.transport : fetchTransport(server.url);
  const anonymous = createTeamClient(transport);
  const first = await anonymous.enrol({
    code: server.bootstrap!.shown,
    device: { name: 'Admin PC' },
    agent: { id: 'agent-admin', name: 'Quản trị', code: 'ADMIN' },
  });
  const admin = createTeamClient(transport, first.token);
  return {
    server,
    database,
    anonymous,
    admin,
    adminAgentId: first.agent.id,
    transport,
    async join(code, role = 'agent', name = `Nhân viên ${code}`) {
      const issued = await admin.issueCode({ name, code, role });
      const r = await anonymous.enrol({
        code: issued.code,
        device: { name: `${code} PC` },
        agent: { id: `agent-${code.toLowerCase()}`, name, code },
      });
      return {
        client: createTeamClient(transport, r.token),
        agentId: r.agent.id,
        deviceId: r.deviceId,
        token: r.token,
      };
    },
    async stop() {
      await server.close();
      await database.drop();
    },
  };
}
