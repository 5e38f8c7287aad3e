import { Resend } from 'resend';
import type { Clock } from './clock.ts';
import type { ErrorClass } from './constants.ts';
import { parseRetryAfter } from './backoff.ts';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Also the idempotency key: the provider sends a repeated request only once. */
  reference: string;
}

export type SendResult =
  | { ok: true; messageId: string | null }
  | {
      ok: false;
      /** HTTP status, or null when no answer came (timeout, network). */
      status: number | null;
      errorClass: ErrorClass;
      retryable: boolean;
      retryAfterSeconds: number | null;
    };

export interface Mailer {
  readonly name: 'resend' | 'dev-sink';
  send(email: OutgoingEmail): Promise<SendResult>;
}

/**
 * Which failures are worth retrying. No answer, 429 and 5xx are the provider's trouble and pass; a
 * concurrent use of the same idempotency key means another attempt is still in flight. Anything
 * else (400, 401, 403, 404, 409 with a different payload, 422 …) will fail the same way again.
 */
export function classify(status: number | null, name: string | undefined): { errorClass: ErrorClass; retryable: boolean } {
  if (status === null) return { errorClass: 'network', retryable: true };
  if (status === 429) return { errorClass: 'rate-limited', retryable: true };
  if (status >= 500) return { errorClass: 'server-error', retryable: true };
  if (status === 409 && name === 'concurrent_idempotent_requests') return { errorClass: 'idempotency-busy', retryable: true };
  if (status === 409) return { errorClass: 'idempotency-conflict', retryable: false };
  return { errorClass: 'rejected', retryable: false };
}

export interface ResendMailerOptions {
  apiKey: string;
  /** e.g. http://127.0.0.1:PORT for a test server; no trailing slash. */
  baseUrl?: string | undefined;
  timeoutMs: number;
  clock: Clock;
}

export function resendMailer(options: ResendMailerOptions): Mailer {
  const client = new Resend(options.apiKey, options.baseUrl === undefined ? undefined : { baseUrl: options.baseUrl.replace(/\/+$/, '') });
  return {
    name: 'resend',
    async send(email) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      // The SDK resolves with { data, error } and does not throw, not even on abort or network failure.
      const { data, error, headers } = await client.emails.send(
        { from: email.from, to: [email.to], subject: email.subject, text: email.text, html: email.html },
        { idempotencyKey: email.reference, signal: timeout },
      );
      if (!error) return { ok: true, messageId: data?.id ?? null };
      const status = typeof error.statusCode === 'number' ? error.statusCode : null;
      const { errorClass, retryable } = classify(status, error.name);
      return {
        ok: false,
        status,
        errorClass: status === null && timeout.aborted ? 'timeout' : errorClass,
        retryable,
        retryAfterSeconds: parseRetryAfter(headers?.['retry-after'] ?? null, options.clock.now()),
      };
    },
  };
}
