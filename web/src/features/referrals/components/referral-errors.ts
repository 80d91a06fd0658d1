import type { FieldError } from '@marac/shared';

/**
 * The message for exactly this path. Fields whose path is a prefix of others' (a DASH question and its
 * comment, a whole list and its items) use this rather than `errorFor`, which would claim them all.
 */
export const errorAt = (errors: readonly FieldError[], field: string): string | undefined =>
  errors.find((error) => error.field === field)?.message;

