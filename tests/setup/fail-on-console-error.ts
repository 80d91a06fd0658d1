import { afterEach, vi } from 'vitest';

// A console.error during a test is a bug we have not asserted on: fail the test rather than let it scroll by.
const errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    const first = errors[0]?.map(String).join(' ');
    errors.length = 0;
    throw new Error(`console.error was called during the test: ${first}`);
  }
});
