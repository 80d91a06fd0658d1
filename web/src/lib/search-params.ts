import type { z } from 'zod';

/**
 * Filters from the address bar, read with the shared query schema. The address can be edited by hand,
 * so a value the schema rejects is dropped rather than breaking the page.
 */
export function parseSearchParams<S extends z.ZodType<Record<string, unknown>>>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== '') raw[key] = value;
  for (;;) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const rejected = parsed.error.issues.map((issue) => String(issue.path[0])).filter((key) => key in raw);
    if (rejected.length === 0) return schema.parse({});
    for (const key of rejected) delete raw[key];
  }
}

/** The 1-based page number from `?page=`, 1 when missing or nonsense. */
export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Search params for a set of filters, leaving out the empty ones. */
export function toSearchParams(values: Record<string, string | number | undefined | null>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

/** The same filters on another page. */
export function withPage(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  const query = next.toString();
  return query === '' ? '' : `?${query}`;
}
