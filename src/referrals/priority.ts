import type { PriorityLevel } from './constants.ts';
import { daysBetween } from './dates.ts';

export const COMING_DATE_KINDS = ['tribunal', 'managers-hearing', 'ward-round'] as const;
export type ComingDateKind = (typeof COMING_DATE_KINDS)[number];

export interface ComingDate {
  kind: ComingDateKind;
  /** YYYY-MM-DD */
  date: string;
}

export interface Priority {
  level: PriorityLevel;
  /** The date that set the level (the earliest one if several did); null when no date was given. */
  because: ComingDate | null;
}

/**
 * The rule, counted in calendar days from the day the request arrived (day 0):
 * - urgent: a tribunal or hospital managers' hearing on days 0–14, or a ward round on days 0–7.
 *   An advocate needs time to meet the person and read papers before a hearing, and the provider's
 *   usual response time (about a working week) would miss it.
 * - soon: any coming date on days 0–28.
 * - routine: no coming date, or all of them later.
 */
export const URGENT_HEARING_DAYS = 14;
export const URGENT_WARD_ROUND_DAYS = 7;
export const SOON_DAYS = 28;

function earliest(dates: readonly ComingDate[]): ComingDate | null {
  return dates.reduce<ComingDate | null>((best, d) => (best === null || d.date < best.date ? d : best), null);
}

export function derivePriority(dates: readonly ComingDate[], today: string): Priority {
  const ahead = dates.filter((d) => daysBetween(today, d.date) >= 0);
  const within = (d: ComingDate, days: number) => daysBetween(today, d.date) <= days;
  const urgent = ahead.filter((d) => within(d, d.kind === 'ward-round' ? URGENT_WARD_ROUND_DAYS : URGENT_HEARING_DAYS));
  if (urgent.length > 0) return { level: 'urgent', because: earliest(urgent) };
  const soon = ahead.filter((d) => within(d, SOON_DAYS));
  if (soon.length > 0) return { level: 'soon', because: earliest(soon) };
  return { level: 'routine', because: earliest(ahead) };
}
