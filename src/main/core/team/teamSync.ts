import { hostname } from 'node:os';
import WebSocket from 'ws';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import {
  checkServerUrl,
  createTeamClient,
  fetchTransport,
  TeamServerError,
  type TeamClient,
  type TeamTransport,
} from '../../../shared/team/client';
import { routes } from '../../../shared/team/protocol';
import type { TeamStatus } from '../../../shared/team/status';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import { selfAgent } from '../sync/db/agents';
import type { Log } from '../infra/log';
import type { Secrets } from '../infra/secrets';
import { adoptSelfAgent } from './db/syncedRows';
import {
  deleteLink,
  insertLink,
  markRevoked,
  pendingCount,
  readLink,
  unseenRefusals,
  type TeamLinkRow,
} from './db/teamLink';
import { pullChanges, pushOutbox, uploadHistory, type TransferContext } from './transfer';
import { lastChangeSeq, pauseLogging } from '../sync/db/changeLog';
import { writeTx } from '../db/writeTx';

export interface TeamSyncOptions {
  db: Db;
  secrets: Secrets;
  clock: Clock;
  log: Log;
  /** Leads changed by the team (for the screens and the reminder scheduler). */
  onLeadsChanged(ids: string[]): void;
  onStatus(status: TeamStatus): void;
  /**
   * The team decided this person's role (at enrolment, or an admin changed it since): the
   * install's role follows. An admin of the team is a supervisor here, with the admin PIN for
   * the rest, as on any install.
   */
  onRole?(role: Role): void;
  /** How requests reach a server URL (fetch by default; tests may go in-process). */
  transport?: (url: string) => TeamTransport;
  /** A live socket to the server (ws by default); null turns live nudges off (polling only). */
  openSocket?: ((url: string, token: string) => WebSocket) | null;
  /** How often to pull when no socket is open, and as a safety net when one is. */
  pollMs?: number;
}

export interface TeamSync {
  status(): TeamStatus;
  connect(input: { serverUrl: string; code: string; deviceName?: string }): Promise<TeamStatus>;
  /** Forgets the server (this install keeps its data and works alone again). */
  disconnect(): void;
  /** Pushes and pulls now; resolves when done (with the status either way). */
  syncNow(): Promise<TeamStatus>;
  /** Something was written here: push soon. */
  localChange(): void;
  /** An authenticated client of the team server (supervisor and admin screens). */
  client(): TeamClient;
  close(): Promise<void>;
}

const LOCAL_CHANGE_DELAY_MS = 150;
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * The app's side of the team server (main process): the change log is the outbox, pushed in
 * batches the server applies once; the pull applies the team's changes in pages, each with its
 * cursor in one transaction. A nudge on the live socket, a local write, or the poll timer
 * starts a round; rounds never overlap, and one asked for during a round runs right after it.
 * The network is never waited for by a save: the agent works on the local file throughout.
 */
export function createTeamSync(o: TeamSyncOptions): TeamSync {
  const { db, secrets, clock, log } = o;
  const transportFor = o.transport ?? ((url: string) => fetchTransport(url));
  const pollMs = o.pollMs ?? 15_000;
  let state: TeamStatus['state'] = readLink(db) ? 'offline' : 'off';
  let lastError: TeamStatus['lastError'] = null;
  let running: Promise<void> | null = null;
  let again = false;
  let wantPull = false;
  let closed = false;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | null = null;
  let socket: WebSocket | null = null;
  let socketRetry: NodeJS.Timeout | null = null;
  let socketDelay = RETRY_MIN_MS;

  const link = () => readLink(db);
  const token = (l: TeamLinkRow) => secrets.decrypt(l.tokenEnc);
  const clientOf = (l: TeamLinkRow) => createTeamClient(transportFor(l.serverUrl), token(l));

  function status(): TeamStatus {
    const l = link();
    if (!l)
      return {
        linked: false,
        state: 'off',
        pending: pendingCount(db, Number.MAX_SAFE_INTEGER),
        uploading: false,
        serverUrl: null,
        teamName: null,
        role: null,
        lastSyncAt: null,
        lastError: null,
        refusals: [],
      };
    return {
      linked: true,
      state: l.revokedAt !== null ? 'revoked' : state,
      pending: pendingCount(db, l.pushedSeq),
      uploading: l.uploadTable !== null,
      serverUrl: l.serverUrl,
      teamName: l.teamName,
      role: l.role,
      lastSyncAt: l.lastSyncAt,
      lastError,
      refusals: unseenRefusals(db, 20).map((r) => ({
        table: r.tbl,
        id: r.rowId,
        reason: r.reason,
        leadId: r.leadId,
        at: r.at,
      })),
    };
  }
  const announce = () => o.onStatus(status());

  function schedule(ms: number) {
    if (closed || !link()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void round();
    }, ms);
    timer.unref?.();
  }

  let pushTimer: NodeJS.Timeout | null = null;
  function schedulePush() {
    if (closed || pushTimer) return;
    pushTimer = setTimeout(() => {
      pushTimer = null;
      void round(false);
    }, LOCAL_CHANGE_DELAY_MS);
    pushTimer.unref?.();
  }

  /**
   * One round: push, then pull unless only local changes asked for it (a nudge or the timer
   * pulls). A round asked for meanwhile runs right after.
   */
  function round(withPull = true): Promise<void> {
    wantPull ||= withPull;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const pullNow = wantPull;
        wantPull = false;
        await roundOnce(pullNow);
      } while (again && !closed);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  async function roundOnce(withPull: boolean): Promise<void> {
    const l = link();
    if (!l || l.revokedAt !== null) return;
    const client = clientOf(l);
    state = 'syncing';
    announce();
    try {
      await uploadHistory(transfer, client);
      await pushOutbox(transfer, client);
      if (withPull) await pullChanges(transfer, client);
      state = 'online';
      lastError = null;
      retryMs = RETRY_MIN_MS;
      if (withPull) schedule(pollMs);
    } catch (err) {
      if (
        err instanceof TeamServerError &&
        (err.code === 'device_revoked' || err.code === 'unauthorized')
      ) {
        markRevoked(db, clock.now());
        state = 'revoked';
        lastError = { code: err.code, message: err.message };
        stopSocket();
        log.warn('team server: this device is no longer accepted', { code: err.code });
      } else {
        state = 'offline';
        lastError =
          err instanceof TeamServerError
            ? { code: err.code, message: err.message }
            : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
        if (!(err instanceof TeamServerError))
          log.error('team sync failed', { error: String(err) });
        schedule(retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      }
    }
    announce();
  }

  const transfer: TransferContext = {
    db,
    now: () => clock.now(),
    link: () => link()!,
    onLeadsChanged: (ids) => o.onLeadsChanged(ids),
    onRole: (role) => o.onRole?.(localRole(role)),
  };

  // -------------------------------------------------------------------------------------------
  // The live socket: a nudge starts a round at once; without one, the poll timer does.

  const openSocket =
    o.openSocket === undefined
      ? (url: string, tok: string) =>
          new WebSocket(`${url.replace(/^http/, 'ws')}${routes.live}`, {
            headers: { authorization: `Bearer ${tok}` },
          })
      : o.openSocket;

  function startSocket() {
    const l = link();
    if (closed || !openSocket || !l || l.revokedAt !== null || socket) return;
    let ws: WebSocket;
    try {
      ws = openSocket(l.serverUrl, token(l));
    } catch (err) {
      log.warn('team server: live connection failed', { error: String(err) });
      return;
    }
    socket = ws;
    ws.on('open', () => {
      socketDelay = RETRY_MIN_MS;
      void round();
    });
    ws.on('message', () => void round());
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (socket === ws) socket = null;
      if (closed || !link() || link()!.revokedAt !== null) return;
      socketRetry = setTimeout(
        () => {
          socketRetry = null;
          startSocket();
        },
        socketDelay * (0.5 + Math.random() / 2),
      );
      socketRetry.unref?.();
      socketDelay = Math.min(socketDelay * 2, RETRY_MAX_MS);
    });
  }

  function stopSocket() {
    if (socketRetry) clearTimeout(socketRetry);
    socketRetry = null;
    const ws = socket;
    socket = null;
    ws?.terminate();
  }

  if (link()) {
    startSocket();
    schedule(0);
  }

  return {
    status,
    async connect({ serverUrl, code, deviceName }) {
      if (link())
        throw new AppError('invalid_input', 'This install is already connected to a team server.');
      const checked = checkServerUrl(serverUrl);
      if (!checked.ok) {
        throw new AppError('invalid_input', 'Not a usable server address.', {
          fields: [
            {
              path: 'serverUrl',
              key: checked.reason === 'insecure' ? 'team_url_insecure' : 'team_url_invalid',
            },
          ],
        });
      }
      const self = selfAgent(db);
      if (!self) throw new AppError('agent_missing', 'Set who this install belongs to first.');
      let enrolled;
      try {
        enrolled = await createTeamClient(transportFor(checked.url)).enrol({
          code,
          device: { name: deviceName ?? hostname().slice(0, 100) },
          agent: { id: self.id, name: self.name, code: self.code },
        });
      } catch (err) {
        throw teamError(err);
      }
      const now = clock.now();
      writeTx(db, () => {
        pauseLogging(db, true);
        adoptSelfAgent(db, enrolled.agent, now);
        pauseLogging(db, false);
        // What is in the change log now goes up with the first upload; the outbox starts here.
        const seq = lastChangeSeq(db);
        insertLink(db, {
          serverUrl: checked.url,
          deviceId: enrolled.deviceId,
          tokenEnc: secrets.encrypt(enrolled.token),
          agentId: enrolled.agent.id,
          role: enrolled.agent.role as Role,
          teamName: enrolled.teamName,
          pushedSeq: seq,
          connectedAt: now,
        });
      });
      log.info('connected to a team server', { server: checked.url, role: enrolled.agent.role });
      o.onRole?.(localRole(enrolled.agent.role as Role));
      state = 'offline';
      startSocket();
      await round();
      return status();
    },
    disconnect() {
      stopSocket();
      if (timer) clearTimeout(timer);
      if (pushTimer) clearTimeout(pushTimer);
      deleteLink(db);
      state = 'off';
      lastError = null;
      announce();
    },
    async syncNow() {
      if (!link())
        throw new AppError('team_not_linked', 'This install is not connected to a team server.');
      await round();
      return status();
    },
    localChange() {
      const l = link();
      if (!l || l.revokedAt !== null) return;
      if (lastChangeSeq(db) > l.pushedSeq) schedulePush();
    },
    client() {
      const l = link();
      if (!l)
        throw new AppError('team_not_linked', 'This install is not connected to a team server.');
      return clientOf(l);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (pushTimer) clearTimeout(pushTimer);
      stopSocket();
      await running;
    },
  };
}

/** The install's role for a role in the team. */
export function localRole(teamRole: Role): Role {
  return teamRole === 'admin' ? 'supervisor' : teamRole;
}

/** A team server's refusal or silence, as an error the app's screens translate. */
export function teamError(err: unknown): AppError {
  if (err instanceof TeamServerError) {
    if (err.code === 'unreachable' || err.code === 'unavailable') {
      return new AppError('team_unreachable', err.message);
    }
    return new AppError('team_refused', err.message, { data: { reason: err.code } });
  }
  return err instanceof AppError ? err : new AppError('internal', String(err));
}
