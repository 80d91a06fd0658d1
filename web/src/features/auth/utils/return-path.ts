import { z } from 'zod';
import { paths } from '../../../config/paths';

const PLACEHOLDER_ORIGIN = 'https://marac.invalid';

const hasControlCharacter = (value: string) =>
  [...value].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });

/**
 * The page to return to after sign-in, if it is a path on this site; otherwise home. `returnTo` comes
 * from the address bar, so anyone can craft it: "//evil.example", "/\evil.example" and "/\t/evil.example"
 * are all read by browsers as other sites, which would make the sign-in page an open redirect.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || hasControlCharacter(value)) {
    return paths.home;
  }
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return paths.home;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname === paths.signIn) return paths.home;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInPath(returnTo?: string): string {
  const target = safeReturnPath(returnTo);
  return target === paths.home ? paths.signIn : `${paths.signIn}?returnTo=${encodeURIComponent(target)}`;
}

// Travels in history state from the session guard to the sign-in page.
const SessionEndedState = z.object({ sessionEnded: z.literal(true) });
export const sessionEndedState = { sessionEnded: true } as const;
export const isSessionEndedState = (state: unknown): boolean => SessionEndedState.safeParse(state).success;
