import { setupServer } from 'msw/node';

/** The one network for web tests; each test adds the handlers its story needs. */
export const server = setupServer();
