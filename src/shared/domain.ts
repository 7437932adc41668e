import { z } from 'zod';
import { CallingWindow, defaultCallingWindow } from './callingHours';

/** The three folders of seed 000; a lead is in exactly one. */
export const stages = ['new', 'contact', 'order'] as const;
export const Stage = z.enum(stages);
export type Stage = z.infer<typeof Stage>;

/** "Tác nghiệp cần": call now, call back at a time, or nothing to do. */
export const nextActions = ['call_now', 'callback', 'none'] as const;
export const NextAction = z.enum(nextActions);
export type NextAction = z.infer<typeof NextAction>;

export const languages = ['vi', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** Epoch milliseconds (UTC instant). */
export const Instant = z.number().int().nonnegative();

export const Lead = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** E.164, or null when the number as given is not a valid one (kept and flagged). */
  phone: z.string().nullable(),
  phoneAsGiven: z.string(),
  source: z.string(),
  note: z.string(),
  stage: Stage,
  nextAction: NextAction,
  /** The callback time when nextAction is `callback`. */
  nextActionAt: Instant.nullable(),
  customerStatus: z.string().nullable(),
  receivedAt: Instant,
  createdAt: Instant,
  updatedAt: Instant,
  /** Contact details an agent fills in on conversion or in the lead's detail. */
  phone2: z.string().nullable(),
  gender: z.enum(['', 'male', 'female', 'other']),
  birthYear: z.number().int().nullable(),
  province: z.string(),
  district: z.string(),
  address: z.string(),
  /** "Không gọi lại": dialling is refused. */
  doNotCall: z.boolean(),
  /** The do-not-call list the number is on, filled where the queue shows it (leads.list). */
  dncList: z.enum(['team', 'national']).nullable().optional(),
  /** The number was found wrong or fake on a call ("Sai số / Số ảo"). */
  phoneWrong: z.boolean(),
  /** Code of the last outcome saved on this lead. */
  lastOutcome: z.string().nullable(),
});
export type Lead = z.infer<typeof Lead>;

/** What a new lead is made of; the contact details start empty. */
export type NewLead = Pick<
  Lead,
  | 'id'
  | 'name'
  | 'phone'
  | 'phoneAsGiven'
  | 'source'
  | 'note'
  | 'stage'
  | 'nextAction'
  | 'nextActionAt'
  | 'customerStatus'
  | 'receivedAt'
  | 'createdAt'
  | 'updatedAt'
>;

export const StageCounts = z.object({ new: z.number(), contact: z.number(), order: z.number() });
export type StageCounts = z.infer<typeof StageCounts>;

export const Settings = z.object({
  language: Language,
  timeZone: z.string(),
  callingWindow: CallingWindow,
  /** Decree 91's one advertising call per number per 24 hours, enforced at dialling (on by default). */
  repeatCallRule: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  language: 'vi',
  timeZone: 'Asia/Ho_Chi_Minh',
  callingWindow: defaultCallingWindow,
  repeatCallRule: true,
};
