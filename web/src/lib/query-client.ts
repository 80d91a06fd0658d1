import { QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from './api-client';

const MAX_RETRIES = 2;

/**
 * The browser's query client. A refusal (4xx) will not change by asking again, so only network
 * failures and server faults are retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (isApiRequestError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < MAX_RETRIES;
        },
      },
      mutations: { retry: false },
    },
  });
}
