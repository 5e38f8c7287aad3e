import type { Clock } from './clock.ts';
import { KINDS, type Kind, type RejectReason } from './constants.ts';
import { priorityOf } from './email.ts';
import type { Logger } from './log.ts';
import type { AcceptInput, Accepted, Outbox } from './outbox.ts';
import { personalJson } from './personal.ts';
import { cryptoRandom, type RandomSource } from './random.ts';
import type { RateLimiter } from './rateLimiter.ts';
import { isFormContentType, MAX_BODY_BYTES, parseUrlencoded, readLimited, type BodySource } from './readBody.ts';
import { newReference, newSubmissionToken } from './reference.ts';
import { HONEYPOT_FIELD } from './schema.ts';
import { validateSubmission, type FieldError, type FormValues } from './validate.ts';

/**
 * The one write path: a form POST becomes a rejection, a list of mistakes to show, or a reference
 * for a request safely in the outbox. Never throws on anything a client can send.
 *
 * Cross-origin policy: a POST whose Origin is this site (or one of `allowedOrigins`, for a proxy
 * that changes the host) passes. Browsers send Origin on every form POST; when it is missing or
 * "null" (a privacy setting such as Referrer-Policy: no-referrer), the request passes only if the
 * browser says Sec-Fetch-Site: same-origin. Everything else, including scripts that send neither, is 403.
 */

export interface ReceiveInput {
  kind: Kind;
  method: string;
  contentType: string | null;
  contentLength: string | null;
  body: BodySource;
  origin: string | null;
  secFetchSite?: string | null;
  requestUrl: URL;
  /** The client address, for the rate limit only; never stored or logged. */
  ip: string;
  /** The language the form was shown in, e.g. "pl"; told to the provider in the email. */
  locale: string;
}

export interface ReceiveDeps {
  store: Outbox;
  rateLimiter: RateLimiter;
  clock: Clock;
  log: Logger;
  random?: RandomSource;
  /** provider.selfReferrals; true when not given. */
  selfReferrals?: boolean;
  /** Further origins this site is reached at, e.g. "https://imha.example.org" behind a proxy. */
  allowedOrigins?: readonly string[];
  /** Stores a request; by default store.accept. The server passes a group committer (groupCommit.ts). */
  accept?: (input: AcceptInput) => Promise<Accepted>;
  /** Called after a new request is stored, e.g. to wake the delivery worker. */
  onAccepted?: () => void;
}

export type RejectStatus = 400 | 403 | 405 | 413 | 415 | 429 | 503;

export type Outcome =
  | { type: 'rejected'; status: RejectStatus; reason: RejectReason; retryAfterSeconds?: number }
  | { type: 'invalid'; errors: FieldError[]; values: FormValues }
  | { type: 'accepted'; reference: string };

/** Status the route should answer with: 303 to the confirmation page, 400 with the form again, or the rejection. */
export function statusFor(outcome: Outcome): number {
  return outcome.type === 'accepted' ? 303 : outcome.type === 'invalid' ? 400 : outcome.status;
}

/** Headers for every form response, whatever the outcome: nothing personal may be cached. */
export function responseHeaders(outcome: Outcome): Record<string, string> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (outcome.type === 'rejected' && outcome.retryAfterSeconds !== undefined) headers['Retry-After'] = String(outcome.retryAfterSeconds);
  if (outcome.type === 'rejected' && outcome.status === 405) headers['Allow'] = 'POST';
  return headers;
}

export function originAllowed(
  origin: string | null,
  secFetchSite: string | null | undefined,
  requestUrl: URL,
  allowedOrigins: readonly string[] = [],
): boolean {
  if (origin !== null && origin !== 'null') return origin === requestUrl.origin || allowedOrigins.includes(origin);
  return secFetchSite === 'same-origin';
}

/** Locale codes are only shown to the provider; anything that is not one becomes "und" (undetermined). */
function safeLocale(locale: string): string {
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(locale) ? locale : 'und';
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

export async function receiveSubmission(input: ReceiveInput, deps: ReceiveDeps): Promise<Outcome> {
  const { store, rateLimiter, clock, log } = deps;
  const random = deps.random ?? cryptoRandom;
  const reject = (status: RejectStatus, reason: RejectReason, retryAfterSeconds?: number): Outcome => {
    log.info('rejected', { reason, kind: KINDS.includes(input.kind) ? input.kind : undefined, status });
    return retryAfterSeconds === undefined ? { type: 'rejected', status, reason } : { type: 'rejected', status, reason, retryAfterSeconds };
  };

  if (input.method.toUpperCase() !== 'POST' || !KINDS.includes(input.kind)) return reject(405, 'method');
  if (!originAllowed(input.origin, input.secFetchSite, input.requestUrl, deps.allowedOrigins)) return reject(403, 'cross-origin');
  if (!isFormContentType(input.contentType)) return reject(415, 'content-type');
  const declared = input.contentLength === null ? NaN : Number(input.contentLength.trim());
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return reject(413, 'too-large');
  const rate = rateLimiter.check(input.ip, clock.now());
  if (!rate.allowed) return reject(429, 'rate-limited', rate.retryAfterSeconds);

  const body = await readLimited(input.body);
  if (!body.ok) return body.reason === 'too-large' ? reject(413, 'too-large') : reject(400, 'unreadable');
  const form = parseUrlencoded(body.bytes);
  if (!form.ok) return reject(413, 'too-many-fields');

  if (form.pairs.some(([name, value]) => name === HONEYPOT_FIELD && value.trim() !== '')) {
    // Looks exactly like success to the bot; nothing is stored or sent.
    rateLimiter.record(input.ip, clock.now());
    log.info('honeypot', { kind: input.kind });
    return { type: 'accepted', reference: newReference(random) };
  }

  const result = validateSubmission(input.kind, form.pairs, { clock, selfReferrals: deps.selfReferrals ?? true });
  if (!result.ok) {
    log.info('invalid', { kind: input.kind, count: result.errors.length });
    return { type: 'invalid', errors: result.errors, values: result.values };
  }

  const now = clock.now();
  const { submission } = result;
  const locale = safeLocale(input.locale);
  let accepted: Accepted;
  try {
    const input: AcceptInput = {
      kind: submission.kind,
      submissionToken: submission.data.submissionToken ?? newSubmissionToken(random),
      priority: priorityOf(submission, now).level,
      personal: personalJson(submission, locale),
      now,
    };
    accepted = deps.accept ? await deps.accept(input) : store.accept(input);
  } catch (error) {
    log.error('rejected', { reason: 'unavailable', kind: submission.kind, code: errorCode(error) });
    return { type: 'rejected', status: 503, reason: 'unavailable' };
  }
  if (accepted.duplicate) {
    log.info('duplicate', { reference: accepted.reference, kind: submission.kind });
  } else {
    rateLimiter.record(input.ip, now);
    log.info('accepted', { reference: accepted.reference, kind: submission.kind });
    deps.onAccepted?.();
  }
  return { type: 'accepted', reference: accepted.reference };
}
