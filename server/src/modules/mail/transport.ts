import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { MailTransport } from './outbox';

/** The SMTP transport the settings describe, or null when no server is configured. */
export function smtpTransport(config: Config): MailTransport | null {
  if (!config.SMTP_HOST) return null;
  const transporter = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
  });
  return {
    send: async ({ to, subject, text }) => {
      await transporter.sendMail({ from: config.SMTP_FROM, to, subject, text });
    },
  };
}
