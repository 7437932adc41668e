import { z } from 'zod';
import { Lead, Settings, Stage, StageCounts, Instant, Language } from './domain';
import { checkPhone } from './phone';
import type { ApiError } from './errors';
import { CallingWindow } from './callingHours';
import { Color, Payment, Rule, StatusEntry, StatusKind } from './catalogue';
import { Order, OrderDraft, OrderState, Product, Vnd } from './orders';
import { TimelineItem } from './timeline';
import { ReminderView } from './reminders';
import { intakeEvents, intakeMethods } from './intakeApi';
import { exportsEvents, exportsMethods } from './api/exports';
import { reportsMethods } from './api/reports';
import { authEvents, authMethods } from './authApi';
import { syncMethods } from './syncApi';
import { backupsEvents, backupsMethods } from './api/backups';
import { storageEvents, storageMethods } from './api/storage';
import {
  Call,
  CallDirection,
  CallQuality,
  EndCause,
  SipAccountSaveInput,
  SipAccountView,
  SipCredentials,
} from './softphone';
import { CustomerFields, Gender } from './workflow';
import { TEXT_LIMITS } from './textLimits';

// Messages of input refinements are i18n keys under `errors.`, so a form can show them.
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

/** A time zone this runtime knows: any other makes every later date calculation throw. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Made by the renderer once per user action (one save, one dial) and sent again unchanged when
 * the action is retried: main writes once per key and answers a repeat with the first result.
 */
export const IdempotencyKey = z.string().uuid();

export const LeadAddInput = z.object({
  name: text(TEXT_LIMITS.name).min(1, { message: 'name_required' }),
  phone: z
    .string()
    .max(TEXT_LIMITS.phone, { message: 'too_long' })
    .superRefine((value, ctx) => {
      const check = checkPhone(value);
      if (!check.valid) ctx.addIssue({ code: 'custom', message: check.reason });
    }),
  source: text(TEXT_LIMITS.source).default(''),
  note: text(TEXT_LIMITS.note).default(''),
  receivedAt: Instant.optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type LeadAddInput = z.input<typeof LeadAddInput>;
export type LeadAddParsed = z.output<typeof LeadAddInput>;

export const LeadListInput = z.object({
  stage: Stage,
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque position returned as `nextCursor` by the previous page. */
  cursor: z.string().max(200).nullable().default(null),
  /** Only leads with this customer status ('' = leads with none). */
  customerStatus: z.string().max(80).nullable().default(null),
  /** Only leads from this source. */
  source: z.string().trim().max(200).nullable().default(null),
  /** Leave out leads with nothing to do (they sink to the bottom otherwise). */
  hideNoAction: z.boolean().default(false),
});

const Id = z.string().uuid();
const Empty = z.object({}).strict();

export const DispositionSaveInput = z
  .object({
    leadId: Id,
    statusCode: z.string().min(1).max(80),
    /** The softphone's call record; null when the agent called from another phone. */
    callId: Id.nullable().default(null),
    note: text(TEXT_LIMITS.note).default(''),
    callbackAt: Instant.nullable().default(null),
    consentOutsideHours: z.boolean().default(false),
    customer: CustomerFields.nullable().default(null),
    order: OrderDraft.nullable().default(null),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();
export type DispositionSaveInput = z.input<typeof DispositionSaveInput>;
export type DispositionSaveParsed = z.output<typeof DispositionSaveInput>;

export const LeadDetail = z.object({
  lead: Lead,
  timeline: z.array(TimelineItem),
  orders: z.array(Order),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

const Label = text(TEXT_LIMITS.statusLabel).min(1, { message: 'label_required' });

export const StatusAddInput = z
  .object({
    kind: StatusKind,
    stage: Stage.nullable(),
    labelVi: Label,
    labelEn: Label,
    color: Color,
    rule: Rule,
    setsCustomerStatus: z.string().max(80).nullable().default(null),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();

export const StatusUpdateInput = z
  .object({
    code: z.string().min(1).max(80),
    labelVi: Label.optional(),
    labelEn: Label.optional(),
    color: Color.optional(),
    /** The N of a timed callback (callback after N hours, convert's callback). */
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().optional(),
  })
  .strict();

export const ProductSaveInput = z
  .object({
    id: Id.nullable().default(null),
    code: text(TEXT_LIMITS.productCode).min(1, { message: 'code_required' }),
    name: text(TEXT_LIMITS.name).min(1, { message: 'name_required' }),
    unitPrice: Vnd,
    active: z.boolean().default(true),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();

export const LeadUpdateInput = z
  .object({
    id: Id,
    name: text(TEXT_LIMITS.name).min(1, { message: 'name_required' }).optional(),
    note: text(TEXT_LIMITS.note).optional(),
    phone2: text(TEXT_LIMITS.phone).optional(),
    gender: Gender.optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    province: text(TEXT_LIMITS.place).optional(),
    district: text(TEXT_LIMITS.place).optional(),
    address: text(TEXT_LIMITS.address).optional(),
    doNotCall: z.boolean().optional(),
  })
  .strict();
export type LeadUpdateInput = z.input<typeof LeadUpdateInput>;

export const CallStartInput = z
  .object({
    leadId: Id.nullable(),
    direction: CallDirection,
    number: z.string().trim().min(1).max(40),
    accountId: Id.nullable().default(null),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();

export const CallUpdateInput = z
  .object({
    id: Id,
    /** An unknown caller saved as a lead after the call: the call joins that lead. */
    leadId: Id.optional(),
    answeredAt: Instant.optional(),
    endedAt: Instant.optional(),
    sipCallId: z.string().max(300).optional(),
    endCause: EndCause.optional(),
    quality: CallQuality.optional(),
  })
  .strict();

export const OrderPage = z.object({ items: z.array(Order), nextCursor: z.string().nullable() });

export const LeadPage = z.object({
  items: z.array(Lead),
  nextCursor: z.string().nullable(),
  counts: StageCounts,
});
export type LeadPage = z.infer<typeof LeadPage>;

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number(),
  dataDir: z.string(),
});

/**
 * The one API main offers the renderer. The core's handler table must satisfy `Handlers`,
 * the renderer's client is typed from it, and main validates every input with these schemas.
 */
export const api = {
  ...intakeMethods,
  ...exportsMethods,
  ...reportsMethods,
  ...authMethods,
  ...syncMethods,
  ...backupsMethods,
  ...storageMethods,
  'app.info': { input: z.object({}).strict(), output: AppInfo },
  'leads.add': { input: LeadAddInput.strict(), output: Lead },
  'leads.list': { input: LeadListInput.strict(), output: LeadPage },
  'leads.get': { input: z.object({ id: z.string().uuid() }).strict(), output: Lead },
  'leads.detail': { input: z.object({ id: Id }).strict(), output: LeadDetail },
  'leads.update': { input: LeadUpdateInput, output: Lead },
  'leads.setCustomerStatus': {
    input: z.object({ id: Id, code: z.string().max(80).nullable() }).strict(),
    output: Lead,
  },
  'leads.addNote': {
    input: z
      .object({
        id: Id,
        text: text(TEXT_LIMITS.note).min(1, { message: 'note_required' }),
        idempotencyKey: IdempotencyKey.optional(),
      })
      .strict(),
    output: LeadDetail,
  },
  'dispositions.save': {
    input: DispositionSaveInput,
    output: z.object({ lead: Lead, dispositionId: Id, orderId: Id.nullable() }),
  },
  'statuses.list': { input: Empty, output: z.array(StatusEntry) },
  'statuses.add': { input: StatusAddInput, output: StatusEntry },
  'statuses.update': { input: StatusUpdateInput, output: StatusEntry },
  'products.list': {
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(Product),
  },
  'products.save': { input: ProductSaveInput, output: Product },
  'orders.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.string().max(80).nullable().default(null),
      })
      .strict(),
    output: OrderPage,
  },
  'orders.update': {
    input: z.object({ id: Id, state: OrderState.optional(), payment: Payment.optional() }).strict(),
    output: Order,
  },
  'calls.start': { input: CallStartInput, output: Call },
  'calls.update': { input: CallUpdateInput, output: Call },
  'calls.lookupNumber': {
    input: z.object({ number: z.string().trim().min(1).max(40) }).strict(),
    output: z.object({ lead: Lead.nullable() }),
  },
  'sipAccounts.list': { input: Empty, output: z.array(SipAccountView) },
  'sipAccounts.save': { input: SipAccountSaveInput, output: SipAccountView },
  'sipAccounts.delete': { input: z.object({ id: Id }).strict(), output: z.object({}) },
  /** For the phone alone, right before it registers: the one place a secret leaves main. */
  'sipAccounts.credentials': { input: z.object({ id: Id }).strict(), output: SipCredentials },
  'reminders.list': {
    input: Empty,
    output: z.object({ items: z.array(ReminderView), overdue: z.number(), today: z.number() }),
  },
  'reminders.missed': { input: Empty, output: z.array(ReminderView) },
  'reminders.ackMissed': {
    input: z.object({ ids: z.array(Id).max(1000) }).strict(),
    output: z.object({}),
  },
  /**
   * Fired while the app ran and not yet acted on: the banners a window shows when it connects,
   * since `reminder.due` reached only the windows connected at the time.
   */
  'reminders.active': { input: Empty, output: z.array(ReminderView) },
  /** The agent acted on these banners (called, opened): a window connecting later skips them. */
  'reminders.acknowledge': {
    input: z.object({ ids: z.array(Id).max(1000) }).strict(),
    output: z.object({}),
  },
  'reminders.snooze': {
    input: z
      .object({
        id: Id,
        minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      })
      .strict(),
    output: ReminderView,
  },
  'settings.get': { input: Empty, output: Settings },
  'settings.update': {
    input: z
      .object({
        language: Language.optional(),
        timeZone: z
          .string()
          .min(1)
          .max(64)
          .refine(isTimeZone, { message: 'time_zone_invalid' })
          .optional(),
        callingWindow: CallingWindow.optional(),
      })
      .strict(),
    output: Settings,
  },
} as const;

/** Events main pushes to the renderer. */
export const events = {
  ...intakeEvents,
  ...exportsEvents,
  ...authEvents,
  ...backupsEvents,
  ...storageEvents,
  'leads.changed': z.object({ ids: z.array(z.string()) }),
  'catalogue.changed': z.object({}),
  /** A callback's time has come: the banner shows, the lead rises to the top. */
  'reminder.due': ReminderView,
  /** The agent clicked a reminder's OS notification: open that lead. */
  'reminder.open': z.object({ leadId: z.string() }),
  /**
   * Not sent by main: the browser host's transport says so itself when a lost connection is
   * back, so the window reloads what it may have missed (banners, the queue).
   */
  'connection.restored': z.object({}),
  /** The computer woke from sleep: the phone re-registers. */
  'power.resume': z.object({}),
  'sipAccounts.changed': z.object({}),
  'settings.changed': Settings,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type EventName = keyof typeof events;
export type MethodInput<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Api[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** What the renderer sees of main, whatever carries it (Electron IPC or the WebSocket host). */
export interface Transport {
  invoke(method: string, input: unknown): Promise<InvokeResult>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}
