import { z } from 'zod';

/*
 * Schemas several areas of the contract share. Messages of input refinements are i18n keys
 * under `errors.`, so a form can show them.
 */

export const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

export const Id = z.string().uuid();

export const Empty = z.object({}).strict();

/**
 * Made by the renderer once per user action (one save, one dial) and sent again unchanged when
 * the action is retried: main writes once per key and answers a repeat with the first result.
 */
export const IdempotencyKey = z.string().uuid();
