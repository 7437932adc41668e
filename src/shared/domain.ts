import { z } from 'zod';

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
});
export type Lead = z.infer<typeof Lead>;

export const StageCounts = z.object({ new: z.number(), contact: z.number(), order: z.number() });
export type StageCounts = z.infer<typeof StageCounts>;

export const Settings = z.object({
  language: Language,
  timeZone: z.string(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = { language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' };
