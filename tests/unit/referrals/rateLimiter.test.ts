import { describe, expect, it } from 'vitest';
import { addressKey, createRateLimiter } from '../../../src/referrals/rateLimiter.ts';
import { T0 } from './support.ts';

const MIN = 60_000;

describe('rate limit', () => {
  it('allows 5 submissions in 10 minutes, then says when to come back', () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 5; i++) {
      expect(limiter.check('203.0.113.7', T0 + i * MIN)).toEqual({ allowed: true });
      limiter.record('203.0.113.7', T0 + i * MIN);
    }
    expect(limiter.check('203.0.113.7', T0 + 5 * MIN)).toEqual({ allowed: false, retryAfterSeconds: 300 });
    expect(limiter.check('203.0.113.8', T0 + 5 * MIN)).toEqual({ allowed: true });
  });

  it('slides: each old submission frees a place as it leaves the window', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 10 * MIN });
    limiter.record('a', T0);
    limiter.record('a', T0 + 4 * MIN);
    expect(limiter.check('a', T0 + 9 * MIN)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.check('a', T0 + 10 * MIN)).toEqual({ allowed: true });
    limiter.record('a', T0 + 10 * MIN);
    expect(limiter.check('a', T0 + 11 * MIN)).toEqual({ allowed: false, retryAfterSeconds: 180 });
  });

  it('keeps bounded memory: at most maxKeys addresses, least recent forgotten first', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10 * MIN, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) limiter.record(`10.0.${i >> 8}.${i & 255}`, T0 + i);
    // The most recent 100 are still limited; an early one has been forgotten.
    expect(limiter.check('10.0.39.15', T0 + 10_000).allowed).toBe(false);
    expect(limiter.check('10.0.0.1', T0 + 10_000).allowed).toBe(true);
  });

  it('counts an IPv6 /64 as one address, and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    const limiter = createRateLimiter({ limit: 1 });
    limiter.record('2001:db8:1:2::1', T0);
    expect(limiter.check('2001:db8:1:2::ffff', T0).allowed).toBe(false);
    expect(limiter.check('2001:db8:1:3::1', T0).allowed).toBe(true);
  });
});
