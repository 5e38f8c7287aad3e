import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Everything the referral part reads from the environment, checked once at start. A wrong value
 * stops the process with one line per problem, naming the variable.
 */

export const DEFAULT_MAIL_FROM = 'Right to be Heard <referrals@example.org>';

export interface ReferralConfig {
  production: boolean;
  varDir: string;
  dbPath: string;
  mailDir: string;
  /** Absent: the development sink writes files instead of sending. */
  resend: { apiKey: string; baseUrl: string | undefined } | null;
  mailFrom: string;
  /** Absent: provider.referralEmail. */
  referralTo: string | undefined;
  encryptionKey: string | undefined;
  oldEncryptionKeys: string | undefined;
  deliveryWorker: boolean;
  sendTimeoutMs: number;
  leaseMs: number;
  pollMs: number;
  retentionMs: number;
  rateLimit: { limit: number; windowMs: number };
  allowedOrigins: string[];
  healthMaxPendingSeconds: number;
}

type Env = Record<string, string | undefined>;

const DAY = 24 * 60 * 60_000;

const integer = (name: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const address = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
// "Name <user@example.org>" or "user@example.org"; no line breaks, so it cannot add a mail header.
const mailbox = /^(?:[^\r\n<>\u0000-\u001f]{0,100} )?<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z
  .object({
    NODE_ENV: optionalText,
    VAR_DIR: optionalText,
    OUTBOX_DB: optionalText,
    RESEND_API_KEY: optionalText,
    RESEND_BASE_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
      message: 'RESEND_BASE_URL must be an http(s) address such as https://api.resend.com',
    }),
    MAIL_FROM: optionalText.refine((v) => v === undefined || mailbox.test(v), {
      message: 'MAIL_FROM must be an address, or a name and an address: Right to be Heard <referrals@your-domain.org>',
    }),
    REFERRAL_TO: optionalText.refine((v) => v === undefined || address.test(v), {
      message: 'REFERRAL_TO must be one email address',
    }),
    REFERRAL_ENCRYPTION_KEY: optionalText,
    REFERRAL_ENCRYPTION_OLD_KEYS: optionalText,
    DELIVERY_WORKER: optionalText.refine((v) => v === undefined || v === 'on' || v === 'off', {
      message: 'DELIVERY_WORKER must be "on" or "off"',
    }),
    DELIVERY_TIMEOUT_MS: integer('DELIVERY_TIMEOUT_MS', 10_000, 100, 120_000),
    DELIVERY_LEASE_MS: integer('DELIVERY_LEASE_MS', 0, 0, 600_000),
    DELIVERY_POLL_MS: integer('DELIVERY_POLL_MS', 5_000, 10, 600_000),
    RETENTION_DAYS: integer('RETENTION_DAYS', 30, 1, 3650),
    RATE_LIMIT_MAX: integer('RATE_LIMIT_MAX', 5, 1, 10_000),
    RATE_LIMIT_WINDOW_SECONDS: integer('RATE_LIMIT_WINDOW_SECONDS', 600, 1, 86_400),
    ALLOWED_ORIGINS: optionalText.refine(
      (v) => v === undefined || v.split(',').every((o) => /^https?:\/\/[^/\s]+$/.test(o.trim())),
      { message: 'ALLOWED_ORIGINS must be comma-separated origins such as https://imha.example.org (no path)' },
    ),
    HEALTH_MAX_PENDING_SECONDS: integer('HEALTH_MAX_PENDING_SECONDS', 3600, 1, 7 * 86_400),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    if (production && env.RESEND_API_KEY !== undefined && env.MAIL_FROM === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message:
          'MAIL_FROM must be set in production when RESEND_API_KEY is set: the sender on a domain verified with Resend, e.g. "Right to be Heard <referrals@your-domain.org>"',
      });
    }
    const timeout = env.DELIVERY_TIMEOUT_MS;
    if (env.DELIVERY_LEASE_MS !== 0 && env.DELIVERY_LEASE_MS <= timeout) {
      ctx.addIssue({
        code: 'custom',
        path: ['DELIVERY_LEASE_MS'],
        message: `DELIVERY_LEASE_MS must be longer than DELIVERY_TIMEOUT_MS (${timeout}), or a second worker could take a row still being sent`,
      });
    }
  });

/** Reads only the database path, for tools that need nothing else. */
export function dbPathFrom(env: Env = process.env, cwd = process.cwd()): string {
  const varDir = resolve(cwd, env['VAR_DIR']?.trim() || 'var');
  const db = env['OUTBOX_DB']?.trim();
  return db ? (isAbsolute(db) ? db : resolve(cwd, db)) : join(varDir, 'outbox.sqlite');
}

export function readConfig(env: Env = process.env, cwd = process.cwd()): ReferralConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.message}`);
    throw new Error(`The referral settings in the environment are not valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const varDir = resolve(cwd, e.VAR_DIR ?? 'var');
  return {
    production: e.NODE_ENV === 'production',
    varDir,
    dbPath: dbPathFrom(env, cwd),
    mailDir: join(varDir, 'mail'),
    resend: e.RESEND_API_KEY === undefined ? null : { apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL?.replace(/\/+$/, '') },
    mailFrom: e.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    referralTo: e.REFERRAL_TO,
    encryptionKey: e.REFERRAL_ENCRYPTION_KEY,
    oldEncryptionKeys: e.REFERRAL_ENCRYPTION_OLD_KEYS,
    deliveryWorker: e.DELIVERY_WORKER !== 'off',
    sendTimeoutMs: e.DELIVERY_TIMEOUT_MS,
    // Two timeouts and a margin: the lease must outlast any send that is still running.
    leaseMs: e.DELIVERY_LEASE_MS || e.DELIVERY_TIMEOUT_MS * 2 + 10_000,
    pollMs: e.DELIVERY_POLL_MS,
    retentionMs: e.RETENTION_DAYS * DAY,
    rateLimit: { limit: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    allowedOrigins: e.ALLOWED_ORIGINS?.split(',').map((o) => o.trim()) ?? [],
    healthMaxPendingSeconds: e.HEALTH_MAX_PENDING_SECONDS,
  };
}
