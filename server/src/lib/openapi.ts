import { ApiError } from '@marac/shared';

/** The shared error body for each listed status, so every route documents the failures it can send. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ApiError> {
  return Object.fromEntries(statuses.map((s) => [s, ApiError])) as Record<S, typeof ApiError>;
}
