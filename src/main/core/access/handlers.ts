import type { AreaHandlers } from '../../../shared/api';
import type { accessArea } from '../../../shared/api/access';
import type { CoreEventListener } from '../plumbing/core';
import type { Access, SessionState } from './accessControl';

export function createAccessHandlers(ctx: {
  access: Access;
  /** The session of the call being handled. */
  current(): SessionState;
  emit: CoreEventListener;
}): AreaHandlers<typeof accessArea> {
  const { access, current } = ctx;
  const changed = <T>(value: T): T => {
    ctx.emit('auth.changed', {});
    // Masking or a role decides which numbers each connection sees: lists reload.
    ctx.emit('leads.changed', { ids: [] });
    return value;
  };
  return {
    'auth.status': () => access.status(current()),
    'auth.setupPin': ({ pin }) => access.setupPin(current(), pin),
    'auth.unlock': ({ pin }) => access.unlock(current(), pin),
    'auth.lock': () => access.lock(current()),
    'auth.changePin': ({ currentPin, newPin }) => access.changePin(current(), currentPin, newPin),
    'auth.setRole': ({ role }) => changed(access.setRole(current(), role)),
    'auth.setMasking': ({ maskNumbers }) => changed(access.setMasking(current(), maskNumbers)),
  };
}
