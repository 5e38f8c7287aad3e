/**
 * Calendar dates as "YYYY-MM-DD" strings in UK time. Coming dates (ward rounds, tribunals) are days,
 * not instants, so they are never converted to timestamps except to count days between them.
 */

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the UK at the given instant. */
export function ukDate(ms: number): string {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "December", "dec" or "Sept" → 12, 12, 9. */
function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((full) => lower === full || lower === full.slice(0, 3) || (lower === 'sept' && full === 'september'));
  return index === -1 ? null : index + 1;
}

/**
 * Reads a date the way people in the UK write it: "2026-12-03" (a date input), "3/12/2026", "3-12-26",
 * "3.12.2026", "3 12 2026", "3 December 2026", "3 Dec". A missing year means the next such day on or
 * after `today` (or this year's, if that was less than a month ago). Returns "YYYY-MM-DD", or null when it is not a real date.
 */
export function parseUkDate(input: string, today: string): string | null {
  const s = input.trim().replace(/\s+/g, ' ');
  if (s.length > 40) return null;
  let day: number;
  let month: number | null;
  let year: number | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else if ((m = /^(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?$/.exec(s))) {
    day = Number(m[1]);
    month = Number(m[2]);
    if (m[3] !== undefined) year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  } else if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,?(?: (\d{4}))?$/.exec(s))) {
    day = Number(m[1]);
    month = monthFromName(m[2] ?? '');
    if (m[3] !== undefined) year = Number(m[3]);
  } else {
    return null;
  }
  if (month === null || month < 1 || month > 12) return null;
  if (year === null) {
    // A day a little in the past stays in this year, so it is reported as past rather than moved on a year.
    const thisYear = Number(today.slice(0, 4));
    year = isRealDate(thisYear, month, day) && daysBetween(today, iso(thisYear, month, day)) >= -31 ? thisYear : thisYear + 1;
  }
  return isRealDate(year, month, day) ? iso(year, month, day) : null;
}

/** "Thursday 3 December 2026" — for the email, which stays in English. */
export function formatLongDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(new Date(toUtc(date)))
    .replace(',', '');
}

/** "3 December" — short enough for an email subject. */
export function formatShortDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(toUtc(date)),
  );
}

/** "21 November 2026, 14:05 (UK time)" */
export function formatUkDateTime(ms: number): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/London',
  }).format(new Date(ms));
  return `${text} (UK time)`;
}
