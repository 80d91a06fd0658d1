import { z } from 'zod';

/** A problem with one field of a request, named by its path (`victim.datesOfBirth.0`). */
export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'too_many_attempts',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * The one error body every route returns. Messages are written for the person using the page and never
 * echo personal data back; `fields` is filled for validation failures so a form can mark each field.
 */
export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  fields: z.array(FieldError),
  requestId: z.string(),
});
export type ApiError = z.infer<typeof ApiError>;
