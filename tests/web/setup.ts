import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setCsrfToken } from '../../web/src/lib/api-client';
import { server } from './msw-server';

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
