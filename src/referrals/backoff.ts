/**
 * When to try a failed delivery again: exponential backoff with full jitter (a random wait between
 * nothing and the exponential step, so many waiting rows do not retry in step), never sooner than
 * the provider's Retry-After, and only within the retry window. After the window the row is stuck and
 * the health check says so.
 */

export interface RetryPolicy {
  /** The first step; step n is base × 2^(n−1), capped. */
  baseMs: number;
  capMs: number;
  /** The shortest wait, so a jitter near zero does not hammer the provider. */
  minMs: number;
  /** How long after the first attempt (or the operator's requeue) to keep trying. */
  windowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 30_000,
  capMs: 60 * 60_000,
  minMs: 1_000,
  windowMs: 24 * 60 * 60_000,
};

export type RetryDecision = { type: 'retry'; at: number; delayMs: number } | { type: 'stuck' };

export interface RetryInput {
  /** Attempts made so far, including the one that just failed (1 or more). */
  attempt: number;
  windowStart: number;
  now: number;
  retryAfterSeconds: number | null;
  /** A uniform number in [0, 1). */
  jitter: number;
}

export function backoffStep(attempt: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

export function decideRetry(input: RetryInput, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  const deadline = input.windowStart + policy.windowMs;
  if (input.now >= deadline) return { type: 'stuck' };
  let delay = Math.max(policy.minMs, Math.floor(input.jitter * backoffStep(input.attempt, policy)));
  if (input.retryAfterSeconds !== null) delay = Math.max(delay, input.retryAfterSeconds * 1000);
  // The last try happens at the deadline rather than never: a long Retry-After still gets one more go.
  const at = Math.min(input.now + delay, deadline);
  return { type: 'retry', at, delayMs: at - input.now };
}

/** Retry-After as seconds ("120") or an HTTP date; null when absent or unreadable. At most a day. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  let seconds: number;
  if (/^\d{1,10}$/.test(v)) seconds = Number(v);
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at) || !/[a-z]/i.test(v)) return null;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(Math.max(seconds, 0), 86_400);
}
