import { describe, expect, it } from 'vitest';
import { backoffStep, decideRetry, DEFAULT_RETRY_POLICY, parseRetryAfter } from '../../../src/referrals/backoff.ts';
import { T0 } from './support.ts';

const HOUR = 3_600_000;

describe('backoff', () => {
  it('doubles from 30 seconds up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((n) => backoffStep(n, DEFAULT_RETRY_POLICY) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it('waits a random part of the step (full jitter), never less than a second', () => {
    const at = (jitter: number, attempt = 3) =>
      decideRetry({ attempt, windowStart: T0, now: T0, retryAfterSeconds: null, jitter });
    expect(at(0)).toEqual({ type: 'retry', at: T0 + 1000, delayMs: 1000 });
    expect(at(0.5)).toEqual({ type: 'retry', at: T0 + 60_000, delayMs: 60_000 });
    const longest = at(0.999999, 30);
    expect(longest.type === 'retry' && longest.delayMs).toBeLessThanOrEqual(HOUR);
    expect(longest.type === 'retry' && longest.delayMs).toBeGreaterThan(HOUR - 1000);
  });

  it('never retries sooner than Retry-After', () => {
    const d = decideRetry({ attempt: 1, windowStart: T0, now: T0, retryAfterSeconds: 120, jitter: 0.1 });
    expect(d).toEqual({ type: 'retry', at: T0 + 120_000, delayMs: 120_000 });
  });

  it('makes a last try at the end of the window, then gives up', () => {
    const late = T0 + 24 * HOUR - 10_000;
    expect(decideRetry({ attempt: 40, windowStart: T0, now: late, retryAfterSeconds: 3600, jitter: 0.9 })).toEqual({
      type: 'retry',
      at: T0 + 24 * HOUR,
      delayMs: 10_000,
    });
    expect(decideRetry({ attempt: 41, windowStart: T0, now: T0 + 24 * HOUR, retryAfterSeconds: null, jitter: 0.5 })).toEqual({ type: 'stuck' });
  });

  it('reaches "stuck" about 24 hours after the first attempt, whatever the jitter', () => {
    for (const jitter of [0, 0.3, 0.999]) {
      let now = T0;
      let attempts = 0;
      for (;;) {
        attempts++;
        const d = decideRetry({ attempt: attempts, windowStart: T0, now, retryAfterSeconds: null, jitter });
        if (d.type === 'stuck') break;
        expect(d.at).toBeGreaterThan(now);
        now = d.at;
        expect(attempts).toBeLessThan(100_000);
      }
      expect(now - T0).toBe(24 * HOUR);
      if (jitter > 0) expect(attempts).toBeLessThan(200);
    }
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, within a day', () => {
    expect(parseRetryAfter('120', T0)).toBe(120);
    expect(parseRetryAfter(' 0 ', T0)).toBe(0);
    expect(parseRetryAfter(new Date(T0 + 90_000).toUTCString(), T0)).toBe(90);
    expect(parseRetryAfter(new Date(T0 - 90_000).toUTCString(), T0)).toBe(0);
    expect(parseRetryAfter('999999999', T0)).toBe(86_400);
  });

  it('ignores what it cannot read', () => {
    for (const v of [null, '', 'soon', '-5', '1.5', '2026-13-45', 'Blursday']) expect(parseRetryAfter(v, T0)).toBeNull();
  });
});
