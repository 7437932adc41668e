import type { Role } from './roles';

/**
 * The least role each contract method needs; the core checks it before any handler runs.
 * Every method of `api` must be listed here or covered by an area below
 * (test/shared/methodRoles.test.ts fails otherwise), so a new method cannot slip through.
 */
export const methodRoles: Readonly<Record<string, Role>> = {
  'app.info': 'agent',
  'leads.add': 'agent',
  'leads.list': 'agent',
  'leads.get': 'agent',
  'leads.detail': 'agent',
  'leads.update': 'agent',
  'leads.setCustomerStatus': 'agent',
  'leads.addNote': 'agent',
  'leads.search': 'agent',
  'dispositions.save': 'agent',
  'statuses.list': 'agent',
  'statuses.add': 'admin',
  'statuses.update': 'admin',
  'products.list': 'agent',
  'products.save': 'admin',
  'orders.list': 'agent',
  'orders.update': 'agent',
  'calls.start': 'agent',
  'calls.update': 'agent',
  'calls.lookupNumber': 'agent',
  'sipAccounts.list': 'agent',
  'sipAccounts.save': 'admin',
  'sipAccounts.delete': 'admin',
  // The phone registers with it on an agent's desk; the password never reaches a screen.
  'sipAccounts.credentials': 'agent',
  'reminders.list': 'agent',
  'reminders.missed': 'agent',
  'reminders.ackMissed': 'agent',
  'reminders.active': 'agent',
  'reminders.acknowledge': 'agent',
  'reminders.snooze': 'agent',
  'settings.get': 'agent',
  // Language is the agent's; calling hours and time zone are policy (see inputRoles).
  'settings.update': 'agent',
  'imports.begin': 'agent',
  'imports.chunk': 'agent',
  'imports.preview': 'agent',
  'imports.run': 'agent',
  'imports.cancel': 'agent',
  'imports.interrupted': 'agent',
  'imports.resume': 'agent',
  'imports.dismiss': 'agent',
  'auth.status': 'agent',
  // Refused by the handler once a PIN exists; before that, whoever installs the app sets it.
  'auth.setupPin': 'agent',
  'auth.unlock': 'agent',
  'auth.lock': 'agent',
  'auth.changePin': 'admin',
  'auth.setRole': 'admin',
  'auth.setMasking': 'admin',
  'diagnostics.save': 'agent',
  // The agent's own name and work: set at first start, exported to the supervisor.
  'agent.get': 'agent',
  'agent.set': 'agent',
  'agent.list': 'agent',
  'sync.status': 'agent',
  'sync.exportBundle': 'agent',
  'sync.importBundles': 'supervisor',
  'sync.assignLeads': 'supervisor',
  // The key assignments are signed with: a supervisor's (or an admin's) install has one.
  'sync.signingKey': 'supervisor',
  'sync.trustedKeys': 'agent',
  // Whose lead lists this desk takes is set up by an admin, never by the agent alone.
  'sync.trustKey': 'admin',
  'sync.untrustKey': 'admin',
  // An agent takes in a lead list meant for them (the core refuses any other bundle there).
  'sync.importAssignment': 'agent',
  // Any desk may take and list copies of its own database; only an admin may roll it back.
  'backups.list': 'agent',
  'backups.create': 'admin',
  'backups.restore': 'admin',
  // Whether the disk is full: every window shows it, whoever sits there.
  'storage.status': 'agent',
  // An agent exports their own leads (numbers masked for them when masking is on).
  'exports.start': 'agent',
  'exports.cancel': 'agent',
};

/** Whole areas with one role, for methods other parts of the app add. */
export const areaRoles: Readonly<Record<string, Role>> = {
  'reports.': 'supervisor',
};

/** Methods whose role depends on what the call changes. */
export const inputRoles: Readonly<Record<string, (input: unknown) => Role | null>> = {
  'settings.update': (input) => {
    const changes = (input ?? {}) as Record<string, unknown>;
    return changes.callingWindow !== undefined || changes.timeZone !== undefined ? 'admin' : null;
  },
};

/** The role a call needs; a method nobody listed needs admin (fail closed). */
export function requiredRole(method: string, input?: unknown): Role {
  const byInput = inputRoles[method]?.(input);
  if (byInput) return byInput;
  if (Object.hasOwn(methodRoles, method)) return methodRoles[method]!;
  for (const [prefix, role] of Object.entries(areaRoles)) {
    if (method.startsWith(prefix)) return role;
  }
  return 'admin';
}

/** True when a method has its own entry or an area's (what the completeness test checks). */
export function isMethodListed(method: string): boolean {
  return (
    Object.hasOwn(methodRoles, method) ||
    Object.keys(areaRoles).some((prefix) => method.startsWith(prefix))
  );
}
