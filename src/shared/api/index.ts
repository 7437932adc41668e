import type { z } from 'zod';
import type { ApiError } from '../errors';
import { accessArea } from './access';
import { appArea } from './app';
import { backupsArea } from './backups';
import { callsArea } from './calls';
import { complianceArea } from './compliance';
import type { Area } from './contract';
import { exportArea } from './export';
import { intakeArea } from './intake';
import { leadsArea } from './leads';
import { ordersArea } from './orders';
import { remindersArea } from './reminders';
import { reportsArea } from './reports';
import { settingsArea } from './settings';
import { sipAccountsArea } from './sipAccounts';
import { storageArea } from './storage';
import { syncArea } from './sync';
import { teamArea } from './team';
import { workflowArea } from './workflow';

/*
 * The one API main offers the renderer, joined from one file per area. The core's handler table
 * must satisfy `Handlers`, the renderer's client is typed from it, and main validates every
 * input with these schemas, checks the entry's role and masks the answer by the entry's rule.
 */

export * from './access';
export * from './app';
export * from './backups';
export * from './calls';
export * from './compliance';
export * from './contract';
export * from './export';
export * from './intake';
export * from './leads';
export * from './orders';
export * from './reminders';
export * from './reports';
export * from './settings';
export * from './sipAccounts';
export * from './storage';
export * from './sync';
export * from './team';
export * from './workflow';

/** Every area by its name: the same word names its folder in each layer. */
export const areas = {
  app: appArea,
  settings: settingsArea,
  leads: leadsArea,
  workflow: workflowArea,
  orders: ordersArea,
  calls: callsArea,
  sipAccounts: sipAccountsArea,
  reminders: remindersArea,
  intake: intakeArea,
  export: exportArea,
  reports: reportsArea,
  sync: syncArea,
  access: accessArea,
  backups: backupsArea,
  storage: storageArea,
  team: teamArea,
  compliance: complianceArea,
} as const satisfies Record<string, Area>;

export const api = {
  ...appArea.methods,
  ...settingsArea.methods,
  ...leadsArea.methods,
  ...workflowArea.methods,
  ...ordersArea.methods,
  ...callsArea.methods,
  ...sipAccountsArea.methods,
  ...remindersArea.methods,
  ...intakeArea.methods,
  ...exportArea.methods,
  ...reportsArea.methods,
  ...syncArea.methods,
  ...accessArea.methods,
  ...backupsArea.methods,
  ...storageArea.methods,
  ...teamArea.methods,
  ...complianceArea.methods,
} as const;

/** Events main pushes to the renderer. */
export const events = {
  ...appArea.events,
  ...settingsArea.events,
  ...leadsArea.events,
  ...workflowArea.events,
  ...ordersArea.events,
  ...callsArea.events,
  ...sipAccountsArea.events,
  ...remindersArea.events,
  ...intakeArea.events,
  ...exportArea.events,
  ...reportsArea.events,
  ...syncArea.events,
  ...accessArea.events,
  ...backupsArea.events,
  ...storageArea.events,
  ...teamArea.events,
  ...complianceArea.events,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type EventName = keyof typeof events;
export type MethodInput<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Api[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** One area's part of the handler table: `core/<area>/handlers.ts` returns it. */
export type AreaHandlers<A extends Area> = Pick<Handlers, keyof A['methods'] & Method>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** What the renderer sees of main, whatever carries it (Electron IPC or the WebSocket host). */
export interface Transport {
  invoke(method: string, input: unknown): Promise<InvokeResult>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}
