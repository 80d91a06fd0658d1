import type { FieldError } from '@marac/shared';
import type { z } from 'zod';
import { isApiRequestError, isVersionConflict } from './api-client';

/**
 * Does an error's field path belong to a form field? The server reports the exact path that failed
 * (`areaIds.2`, `settings.visibleHighRiskThreshold`), so a list field claims its items too.
 */
export const belongsTo = (errorField: string, field: string): boolean =>
  errorField === field || errorField.startsWith(`${field}.`);

/** The first message for a form field, for its inline error. */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((error) => belongsTo(error.field, field))?.message;
}

/** Zod issues as field errors, with the same dotted paths the server uses. */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * What a failed submission shows: the server's field errors where it named fields, otherwise its message
 * as a problem with the whole form (field ""), which the error summary lists without a link. A save
 * refused because someone else changed the record first is about the whole form too: no field holds
 * the version, and the message says what happened.
 */
export function fieldErrorsFromFailure(error: unknown): FieldError[] {
  if (isApiRequestError(error)) {
    if (error.fields.length > 0 && !isVersionConflict(error)) return [...error.fields];
    return [{ field: '', message: error.message }];
  }
  return [{ field: '', message: 'Something went wrong. Try again.' }];
}
