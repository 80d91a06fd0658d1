import type { ErrorCode, FieldError } from '@marac/shared';

/**
 * An error a route means to send. Messages are shown to users as they are, so they must never contain
 * personal data (names, addresses, dates of birth) — name the field instead.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what = 'record') => new AppError(404, 'not_found', `That ${what} does not exist or you do not have access to it`);
export const forbidden = (message = 'You do not have permission to do that') => new AppError(403, 'forbidden', message);
export const conflict = (message: string, fields: FieldError[] = []) => new AppError(409, 'conflict', message, fields);
export const invalid = (fields: FieldError[], message = 'Check the highlighted fields and try again') =>
  new AppError(400, 'validation_failed', message, fields);
