import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: relative paths in settings mean the same file whichever folder a command runs in. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fromRepoRoot = (path: string) => (path === ':memory:' || isAbsolute(path) ? path : resolve(REPO_ROOT, path));

/** The database a first start creates, folder and all; any other path's folder must already exist. */
export const DEFAULT_DATABASE_FILE = fromRepoRoot('./data/marac.db');

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes', 'on'].includes(v)));

/**
 * Every setting comes from the environment and is checked once at start-up: a wrong value stops the
 * platform with a message naming the variable, rather than failing later in front of a user.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_FILE: z.string().min(1).default(DEFAULT_DATABASE_FILE).transform(fromRepoRoot),
  /**
   * Seed synthetic demo data into a new, empty database. Off unless asked for (README's demo command
   * asks), so a mistyped DATABASE_FILE can never fill a new file with accounts whose password is public.
   */
  DEMO_MODE: flag(false),
  /** Served over https (directly or behind a proxy): marks the session cookie Secure. */
  SECURE_COOKIES: flag(false),
  /** Number of proxies in front of the platform whose X-Forwarded-For can be trusted for client addresses. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * Requests a minute for each signed-in account, however many offices or sessions it uses; and for
   * each client address without a session (an office behind one address shares that one).
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(600),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(600),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the built SPA; the platform serves it when it exists. */
  WEB_DIST: z.string().optional().transform((v) => (v === undefined ? v : fromRepoRoot(v))),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Outgoing mail. Without a host, notices wait in the outbox, which administrators can read. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** Use TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: flag(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default('MARAC platform <marac@localhost>'),
  /** How often queued notices are sent and research reminders looked for. */
  MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Where backups are written (`pnpm backup`, and the scheduled backups below). */
  BACKUP_DIR: z.string().min(1).default('./data/backups').transform(fromRepoRoot),
  /** A passphrase to encrypt backups with (AES-256-GCM); without it backups are written in the clear. */
  BACKUP_KEY: z.string().min(16, 'Use a passphrase of at least 16 characters').optional(),
  /** How many backups to keep in BACKUP_DIR; older ones are deleted once a new one is checked good. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /** Take a backup every this many hours while the platform runs; 0 for none (schedule `pnpm backup` instead). */
  BACKUP_INTERVAL_HOURS: z.coerce.number().int().min(0).max(24 * 7).default(0),
  /** A token a metrics scraper sends as `Authorization: Bearer …`; without it only administrators read /api/metrics. */
  METRICS_TOKEN: z.string().min(16, 'Use a token of at least 16 characters').optional(),
  /** How long a shutdown waits for requests in flight before it exits. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The settings tests start from: an in-memory database and quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), DATABASE_FILE: ':memory:', LOG_LEVEL: 'silent', DEMO_MODE: false, ...overrides };
}
