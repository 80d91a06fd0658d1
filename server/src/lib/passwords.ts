import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's OWASP-level defaults (19 MiB, 2 passes). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * A hash to verify against when the account does not exist, so an unknown e-mail costs the same time
 * as a wrong password and the answer reveals nothing about which accounts exist.
 */
export const dummyHash = () => (dummy ??= hash('not-a-real-password-for-timing-only'));
