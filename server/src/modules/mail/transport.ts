import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { MailTransport } from './outbox';

// Nodemailer's defaults let a silent server hold a send for up to 10 minutes, longer than a claim's
// lease (CLAIM_LEASE_MS, 5 minutes): another sender could then take a notice still on its way. These
// keep an ordinary send, even a slow one, well inside the lease.
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** The SMTP transport the settings describe, or null when no server is configured. */
export function smtpTransport(config: Config): MailTransport | null {
  if (!config.SMTP_HOST) return null;
  const transporter = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
  });
  return {
    send: async ({ to, subject, text }) => {
      await transporter.sendMail({ from: config.SMTP_FROM, to, subject, text });
    },
  };
}
