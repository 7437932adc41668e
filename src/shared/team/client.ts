import { z } from 'zod';
import {
  AssignResponse,
  DeviceView,
  EnrolResponse,
  IssueCodeResponse,
  PullResponse,
  PushResponse,
  ServerError,
  TeamAgent,
  routes,
  type AssignRequest,
  type EnrolRequest,
  type PullRequest,
  type PushRequest,
  type ServerErrorCode,
} from './protocol';
import type { Role } from '../roles';

/*
 * The one client of the team server's contract, used by the app's main process, the tests
 * and the benchmarks. Every answer is validated before anyone reads it. A transport moves a
 * request: over the network (`fetchTransport`) or into a server in the same process.
 */

export interface TeamTransport {
  request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    token: string | null,
  ): Promise<{ status: number; body: unknown }>;
}

/** The server said no (a code the app translates), or could not be reached (`unreachable`). */
export class TeamServerError extends Error {
  constructor(
    readonly code: ServerErrorCode | 'unreachable' | 'bad_answer',
    message: string,
    readonly status: number,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface TeamClient {
  health(): Promise<{ ok: boolean; protocol: number }>;
  enrol(req: EnrolRequest): Promise<EnrolResponse>;
  me(): Promise<{ deviceId: string; agent: TeamAgent }>;
  push(req: PushRequest): Promise<PushResponse>;
  pull(req: PullRequest): Promise<PullResponse>;
  issueCode(req: {
    name: string;
    code: string;
    role: Role;
  }): Promise<z.infer<typeof IssueCodeResponse>>;
  agents(): Promise<TeamAgent[]>;
  setAgent(req: { id: string; role: Role; active: boolean }): Promise<TeamAgent>;
  devices(): Promise<DeviceView[]>;
  revokeDevice(deviceId: string): Promise<void>;
  assign(req: AssignRequest): Promise<AssignResponse>;
}

export function createTeamClient(
  transport: TeamTransport,
  token: string | null = null,
): TeamClient {
  async function call<T extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: T,
  ): Promise<z.infer<T>> {
    const { status, body: answer } = await transport.request(method, path, body, token);
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(answer);
      if (parsed.success) return parsed.data;
      throw new TeamServerError(
        'bad_answer',
        'The team server answered something unexpected.',
        status,
      );
    }
    const err = ServerError.safeParse(answer);
    if (err.success) {
      const e = err.data.error;
      throw new TeamServerError(e.code, e.message, status, e.detail);
    }
    throw new TeamServerError('bad_answer', `The team server answered ${status}.`, status);
  }
  return {
    health: () =>
      call('GET', routes.health, undefined, z.object({ ok: z.boolean(), protocol: z.number() })),
    enrol: (req) => call('POST', routes.enrol, req, EnrolResponse),
    me: () =>
      call('GET', routes.me, undefined, z.object({ deviceId: z.string(), agent: TeamAgent })),
    push: (req) => call('POST', routes.push, req, PushResponse),
    pull: (req) => call('POST', routes.pull, req, PullResponse),
    issueCode: (req) => call('POST', routes.issueCode, req, IssueCodeResponse),
    agents: async () =>
      (await call('GET', routes.agents, undefined, z.object({ agents: z.array(TeamAgent) })))
        .agents,
    setAgent: async (req) =>
      (await call('POST', routes.agents, req, z.object({ agent: TeamAgent }))).agent,
    devices: async () =>
      (await call('GET', routes.devices, undefined, z.object({ devices: z.array(DeviceView) })))
        .devices,
    revokeDevice: async (deviceId) => {
      await call('POST', routes.revokeDevice, { deviceId }, z.object({ revoked: z.boolean() }));
    },
    assign: (req) => call('POST', routes.assign, req, AssignResponse),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a server address before anything is sent to it: https, or plain http only to this
 * machine (a token in clear over a network would be anyone's). Answers the normalised base URL.
 */
export function checkServerUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; reason: 'invalid' | 'insecure' } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  if (u.username || u.password || u.search || u.hash) return { ok: false, reason: 'invalid' };
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) return { ok: false, reason: 'insecure' };
  return { ok: true, url: `${u.protocol}//${u.host}` };
}

/** Requests over the network with fetch; a request that gets no answer in time is `unreachable`. */
export function fetchTransport(baseUrl: string, timeoutMs = 15_000): TeamTransport {
  const checked = checkServerUrl(baseUrl);
  if (!checked.ok) {
    throw new TeamServerError(
      checked.reason === 'insecure' ? 'forbidden' : 'invalid_input',
      checked.reason === 'insecure'
        ? 'Plain http is allowed only to this machine; use https.'
        : 'Not a server address.',
      0,
    );
  }
  const base = checked.url;
  return {
    async request(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new TeamServerError(
          'unreachable',
          `The team server cannot be reached: ${err instanceof Error ? err.message : String(err)}`,
          0,
        );
      }
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: res.status, body: parsed };
    },
  };
}
