import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/errors';
import { ApiCallError } from '../api/client';

/** Any failure as an ApiError: main's own as it sent it, anything else as `internal`. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiCallError) return err.error;
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** A refusal in one sentence: its first field's message, else its code's. */
export function errorText(t: TFunction, error: ApiError): string {
  const field = error.fields?.[0]?.key;
  return field ? t(`errors.${field}`) : t(`errors.code.${error.code}`);
}

/**
 * A refusal with every field's message, one after another (`unique`: each message once, as
 * a name can break several rules of the same key), else its code's.
 */
export function fieldsText(t: TFunction, error: ApiError, { unique = false } = {}): string {
  const texts = (error.fields ?? []).map((f) => t(`errors.${f.key}`));
  return (unique ? [...new Set(texts)] : texts).join(' ') || t(`errors.code.${error.code}`);
}

/** The i18n key of the refusal on one input (`path`, or inside it), if main named it. */
export function fieldErrorKey(
  error: ApiError | null,
  path: string,
  { within = false } = {},
): string | undefined {
  const key = error?.fields?.find(
    (f) => f.path === path || (within && f.path.startsWith(`${path}.`)),
  )?.key;
  return key && `errors.${key}`;
}
