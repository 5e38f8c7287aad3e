import type { Stats } from './outbox.ts';

/** GET /healthz: counts only, so it can be public. */
export interface Health {
  ok: boolean;
  pending: number;
  stuck: number;
  /** Age of the oldest request not yet delivered; 0 when none is waiting. */
  oldestPendingSeconds: number;
}

/** Not ok when anything is stuck, or something has waited longer than `maxPendingSeconds`. */
export function health(stats: Stats, now: number, maxPendingSeconds = 3600): Health {
  const oldestPendingSeconds =
    stats.oldestPendingCreatedAt === null ? 0 : Math.max(0, Math.floor((now - stats.oldestPendingCreatedAt) / 1000));
  return {
    ok: stats.stuck === 0 && oldestPendingSeconds <= maxPendingSeconds,
    pending: stats.pending,
    stuck: stats.stuck,
    oldestPendingSeconds,
  };
}
