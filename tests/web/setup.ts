import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setCsrfToken } from '../../web/src/lib/api-client';
import { server } from './msw-server';

// Waiting for what a page should show is bounded generously: on a machine busy with other work a
// render can take more than the default second, and the limit only stops a broken test.
configure({ asyncUtilTimeout: 10_000 });

// Dates in the app are shown in UK time; pin it so results do not depend on the machine running the tests.
process.env.TZ = 'Europe/London';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  setCsrfToken(null);
  document.title = '';
});
afterAll(() => server.close());
