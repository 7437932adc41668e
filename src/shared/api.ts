import { z } from 'zod';
import { Lead, Settings, Stage, StageCounts, Instant, Language } from './domain';
import { checkPhone } from './phone';
import type { ApiError } from './errors';

// Messages of input refinements are i18n keys under `errors.`, so a form can show them.
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

export const LeadAddInput = z.object({
  name: text(200).min(1, { message: 'name_required' }),
  phone: z
    .string()
    .max(40, { message: 'too_long' })
    .superRefine((value, ctx) => {
      const check = checkPhone(value);
      if (!check.valid) ctx.addIssue({ code: 'custom', message: check.reason });
    }),
  source: text(200).default(''),
  note: text(4000).default(''),
  receivedAt: Instant.optional(),
});
export type LeadAddInput = z.input<typeof LeadAddInput>;
export type LeadAddParsed = z.output<typeof LeadAddInput>;

export const LeadListInput = z.object({
  stage: Stage,
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque position returned as `nextCursor` by the previous page. */
  cursor: z.string().max(200).nullable().default(null),
});

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
  'app.info': { input: z.object({}).strict(), output: AppInfo },
  'leads.add': { input: LeadAddInput.strict(), output: Lead },
  'leads.list': { input: LeadListInput.strict(), output: LeadPage },
  'leads.get': { input: z.object({ id: z.string().uuid() }).strict(), output: Lead },
  'settings.get': { input: z.object({}).strict(), output: Settings },
  'settings.update': {
    input: z
      .object({ language: Language.optional(), timeZone: z.string().min(1).max(64).optional() })
      .strict(),
    output: Settings,
  },
} as const;

/** Events main pushes to the renderer. */
export const events = {
  'leads.changed': z.object({ ids: z.array(z.string()) }),
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
