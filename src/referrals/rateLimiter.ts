import { isIPv4, isIPv6 } from 'node:net';

/**
 * Per-address limit on accepted submissions: a sliding window that remembers, per address, the times
 * of at most `limit` recent submissions. Memory is bounded by `maxKeys`; when full, the address that
 * submitted least recently is forgotten first (its window has most likely passed anyway).
 * Only submissions that would be stored count, so a person correcting mistakes is never blocked.
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  check(address: string, now: number): RateDecision;
  record(address: string, now: number): void;
}

export interface RateLimitOptions {
  limit?: number;
  windowMs?: number;
  maxKeys?: number;
}

export const DEFAULT_RATE_LIMIT = { limit: 5, windowMs: 10 * 60_000, maxKeys: 10_000 } as const;

/**
 * IPv6 users usually have a whole /64 to themselves, so that is the unit; an IPv4-mapped IPv6
 * address counts as its IPv4 address.
 */
export function addressKey(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(trimmed)) return trimmed;
  const bare = trimmed.replace(/%.*$/, '');
  if (!isIPv6(bare)) return trimmed.slice(0, 64);
  const [head = '', tail = ''] = bare.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = bare.includes('::') ? (tail ? tail.split(':') : []) : [];
  const fill = bare.includes('::') ? Array<string>(8 - headParts.length - tailParts.length).fill('0') : [];
  const groups = [...headParts, ...fill, ...tailParts];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const limit = options.limit ?? DEFAULT_RATE_LIMIT.limit;
  const windowMs = options.windowMs ?? DEFAULT_RATE_LIMIT.windowMs;
  const maxKeys = options.maxKeys ?? DEFAULT_RATE_LIMIT.maxKeys;
  const seen = new Map<string, number[]>();

  const recent = (key: string, now: number): number[] => {
    const times = (seen.get(key) ?? []).filter((t) => t > now - windowMs);
    if (times.length === 0) seen.delete(key);
    return times;
  };

  return {
    check(address, now) {
      const times = recent(addressKey(address), now);
      if (times.length < limit) return { allowed: true };
      const oldest = times[times.length - limit] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    },
    record(address, now) {
      const key = addressKey(address);
      const times = recent(key, now);
      times.push(now);
      // Re-inserting moves the key to the end, so the first key is always the least recent.
      seen.delete(key);
      while (seen.size >= maxKeys) {
        const first = seen.keys().next();
        if (first.done) break;
        seen.delete(first.value);
      }
      seen.set(key, times.slice(-limit));
      // Drop one stale entry per call, so idle addresses do not stay until the map is full.
      const first = seen.keys().next();
      if (!first.done && first.value !== key) recent(first.value, now);
    },
  };
}
