import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { AreaHandlers } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { BUNDLE_EXTENSION, type Agent, type syncArea } from '../../../shared/api/sync';
import type { Clock } from '../infra/clock';
import type { CoreEventListener } from '../plumbing/core';
import { listAgents, saveSelfAgent, selfAgent } from './db/agents';
import { trustedKeyLabel } from './db/bundleKeys';
import { latestVersion, type Db } from '../db/open';
import { readSettings } from '../settings/db/settings';
import { pendingChangeCount, readMark } from './db/changeLog';
import type { Uploads } from '../intake/uploads';
import type { Log } from '../infra/log';
import type { Secrets } from '../infra/secrets';
import { bundleError } from './bundleFile';
import { defaultBundleName, freeBundlePath } from './bundleFolder';
import { EXPORTED_AT, EXPORTED_SEQ, exportAssignment, exportWork } from './exportBundle';
import { importBundles, type BundleSource } from './importBundles';
import { ownSigningKey, signingKeyView, trustedKeys, trustKey, untrustKey } from './signingKey';

export function createSyncHandlers(ctx: {
  db: Db;
  clock: Clock;
  appVersion: string;
  log: Log;
  /** Keeps this install's private signing key encrypted, like SIP passwords. */
  secrets: Secrets;
  emit: CoreEventListener;
  /** The bundles folder (beside the database): every bundle is written there. */
  dir: string;
  /** The same uploads as lead intake: bundles to import arrive as uploads, never as paths. */
  uploads: Uploads;
  /** Re-arms the reminder scheduler after an import brought callbacks. */
  afterImport(): void;
}): AreaHandlers<typeof syncArea> {
  const { db, clock, uploads } = ctx;

  const mustHaveAgent = (): Agent => {
    const agent = selfAgent(db);
    if (!agent) {
      throw new AppError(
        'agent_missing',
        'Set the agent (name and code) of this LeadPhone before making a bundle.',
      );
    }
    return agent;
  };
  const exportContext = () => ({
    db,
    agent: mustHaveAgent(),
    appVersion: ctx.appVersion,
    schemaVersion: latestVersion(),
    now: clock.now(),
  });

  /** The file a bundle goes to: the caller's bare name or one made up, never replacing one. */
  const target = (fileName: string | undefined, code: string, kind: 'work' | 'assignment') =>
    freeBundlePath(
      ctx.dir,
      fileName ?? defaultBundleName(code, kind, clock.now(), readSettings(db).timeZone),
    );

  const sourceOf = (uploadId: string): BundleSource => {
    const path = uploads.pathOf(uploadId);
    const name = uploads.nameOf(uploadId);
    // A lead list or anything else uploaded is not read as a bundle at all.
    if (extname(path).toLowerCase() !== BUNDLE_EXTENSION) {
      throw bundleError(name, 'foreign', `not a ${BUNDLE_EXTENSION} file`);
    }
    return { path, name };
  };

  /** Uploads are removed once the merge is done, whether it went in or was refused. */
  const merge = (uploadIds: string[], only?: 'assignment') => {
    try {
      const results = importBundles(
        {
          db,
          schemaVersion: latestVersion(),
          self: selfAgent(db),
          now: clock.now(),
          trustedLabel: (publicKey) => trustedKeyLabel(db, publicKey),
        },
        uploadIds.map(sourceOf),
        only,
      );
      ctx.afterImport();
      // Bulk: an empty list means "reload what you show".
      ctx.emit('leads.changed', { ids: [] });
      ctx.emit('catalogue.changed', {});
      return results;
    } finally {
      for (const id of uploadIds) uploads.remove(id);
    }
  };

  return {
    'agent.get': () => ({ agent: selfAgent(db) }),
    'agent.set': ({ name, code }) =>
      saveSelfAgent(db, { newId: randomUUID(), name, code, now: clock.now() }),
    'agent.list': () => listAgents(db),
    'sync.status': () => ({
      lastExportAt: readMark(db, EXPORTED_AT),
      pendingChanges: pendingChangeCount(db, readMark(db, EXPORTED_SEQ) ?? 0),
    }),
    'sync.exportBundle': ({ since, fileName }) => {
      const context = exportContext();
      return exportWork(context, since, target(fileName, context.agent.code, 'work'));
    },
    'sync.assignLeads': ({ filter, agentCode, fileName }) => {
      const context = exportContext();
      const key = ownSigningKey(db, ctx.secrets, clock.now(), ctx.log);
      const path = target(fileName, agentCode, 'assignment');
      return exportAssignment(context, filter, agentCode, path, key);
    },
    'sync.signingKey': () => signingKeyView(ownSigningKey(db, ctx.secrets, clock.now(), ctx.log)),
    'sync.trustedKeys': () => trustedKeys(db),
    'sync.trustKey': (input) => trustKey(db, input, clock.now(), ctx.log),
    'sync.untrustKey': ({ publicKey }) => {
      untrustKey(db, publicKey, ctx.log);
      return {};
    },
    'sync.importBundles': ({ uploadIds }) => ({ results: merge(uploadIds) }),
    'sync.importAssignment': ({ uploadId }) => ({ result: merge([uploadId], 'assignment')[0]! }),
  };
}
