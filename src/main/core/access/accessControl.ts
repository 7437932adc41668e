import { randomUUID } from 'node:crypto';
import type { AuthStatus } from '../../../shared/api/access';
import { AppError } from '../../../shared/errors';
import { pinDelaySeconds } from '../../../shared/pinLockout';
import { roleAllows, type Role } from '../../../shared/roles';
import type { Clock } from '../infra/clock';
import {
  readAccess,
  writeFailures,
  writeInstallRole,
  writeMaskNumbers,
  writePin,
} from './db/access';
import type { Db } from '../db/open';
import type { Log } from '../infra/log';
import { hashPin, verifyPin } from './pinHash';

/** An unlocked connection falls back to the install's role after this long without a call. */
export const UNLOCK_IDLE_MS = 15 * 60_000;

/** One connection's standing: an IPC sender, a host WebSocket, or the core's own. */
export interface SessionState {
  readonly id: string;
  unlockedUntil: number | null;
}

export interface Access {
  newSession(): SessionState;
  roleOf(session: SessionState): Role;
  /** True when this connection must not see full numbers. */
  masksNumbers(session: SessionState): boolean;
  /**
   * May this session make a call that needs `need`? A call that only the PIN allows keeps the
   * session unlocked a while longer (the timeout counts idle admin time, not queue work).
   */
  authorize(session: SessionState, need: Role): boolean;
  status(session: SessionState): AuthStatus;
  setupPin(session: SessionState, pin: string): Promise<AuthStatus>;
  unlock(session: SessionState, pin: string): Promise<AuthStatus>;
  lock(session: SessionState): AuthStatus;
  changePin(session: SessionState, currentPin: string, newPin: string): Promise<AuthStatus>;
  setRole(session: SessionState, role: Role): AuthStatus;
  setMasking(session: SessionState, mask: boolean): AuthStatus;
}

/**
 * Roles and the admin PIN. A session is elevated to admin by the PIN; everything else follows
 * the install's role. PIN checks run one at a time, so parallel guesses cannot share one
 * window of the growing delay.
 */
export function createAccess(db: Db, clock: Clock, log: Log): Access {
  let checking: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = checking.then(task, task);
    checking = run.catch(() => undefined);
    return run;
  };

  const unlocked = (s: SessionState) => s.unlockedUntil !== null && clock.now() < s.unlockedUntil;
  const roleOf = (s: SessionState): Role => (unlocked(s) ? 'admin' : readAccess(db).installRole);

  function status(s: SessionState): AuthStatus {
    const row = readAccess(db);
    return {
      hasPin: row.pin !== null,
      installRole: row.installRole,
      role: unlocked(s) ? 'admin' : row.installRole,
      unlockedUntil: unlocked(s) ? s.unlockedUntil : null,
      maskNumbers: row.maskNumbers,
    };
  }

  /** Checks a PIN under the growing delay; a wrong one is counted before the error leaves. */
  function checkPin(pin: string): Promise<void> {
    return oneAtATime(async () => {
      const row = readAccess(db);
      if (!row.pin) throw new AppError('pin_not_set', 'No admin PIN has been created yet.');
      const now = clock.now();
      if (now < row.lockedUntil) {
        const seconds = Math.ceil((row.lockedUntil - now) / 1000);
        throw new AppError('pin_locked', `Too many wrong PINs; try again in ${seconds} s.`, {
          data: { seconds },
        });
      }
      if (await verifyPin(pin, row.pin)) {
        if (row.failedAttempts > 0) writeFailures(db, 0, 0);
        return;
      }
      const failures = row.failedAttempts + 1;
      const seconds = pinDelaySeconds(failures);
      writeFailures(db, failures, clock.now() + seconds * 1000);
      log.warn('wrong admin PIN', { failures, waitSeconds: seconds });
      throw new AppError('pin_wrong', 'Wrong admin PIN.', { data: { failures, seconds } });
    });
  }

  const elevate = (s: SessionState) => {
    s.unlockedUntil = clock.now() + UNLOCK_IDLE_MS;
  };

  return {
    newSession: () => ({ id: randomUUID(), unlockedUntil: null }),
    roleOf,
    masksNumbers: (s) => readAccess(db).maskNumbers && !roleAllows(roleOf(s), 'supervisor'),
    authorize(s, need) {
      if (roleAllows(readAccess(db).installRole, need)) return true;
      if (!unlocked(s)) return false;
      elevate(s);
      return true;
    },
    status,
    async setupPin(s, pin) {
      if (readAccess(db).pin) throw new AppError('pin_exists', 'An admin PIN already exists.');
      const hash = await hashPin(pin);
      if (!writePin(db, hash, clock.now(), true)) {
        throw new AppError('pin_exists', 'An admin PIN already exists.');
      }
      log.info('admin PIN created');
      // Whoever just chose the PIN knows it: no need to type it again to finish setting up.
      elevate(s);
      return status(s);
    },
    async unlock(s, pin) {
      await checkPin(pin);
      elevate(s);
      log.info('admin unlocked', { session: s.id.slice(0, 8) });
      return status(s);
    },
    lock(s) {
      s.unlockedUntil = null;
      return status(s);
    },
    async changePin(s, currentPin, newPin) {
      await checkPin(currentPin);
      writePin(db, await hashPin(newPin), clock.now(), false);
      log.info('admin PIN changed');
      return status(s);
    },
    setRole(s, role) {
      writeInstallRole(db, role);
      log.info('install role changed', { role });
      return status(s);
    },
    setMasking(s, mask) {
      writeMaskNumbers(db, mask);
      log.info('number masking changed', { maskNumbers: mask });
      return status(s);
    },
  };
}
