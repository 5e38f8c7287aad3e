import type { Provider } from '../config/providerSchema.ts';
import { WEEKDAYS } from '../config/providerSchema.ts';
import { LOCALES, type Locale } from './locales.ts';
import type { Translate } from './translator.ts';

// 5 January 2026 was a Monday: a fixed date for each weekday's name.
const MONDAY = Date.UTC(2026, 0, 5, 12);

function dayName(locale: Locale, day: (typeof WEEKDAYS)[number]): string {
  const date = new Date(MONDAY + WEEKDAYS.indexOf(day) * 86_400_000);
  return new Intl.DateTimeFormat(LOCALES[locale].intl, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

function timeOfDay(locale: Locale, hhmm: string): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  const date = new Date(Date.UTC(2026, 0, 5, hours, minutes));
  const { intl, clock } = LOCALES[locale];
  // "9am" reads more easily than "09:00" where people use a 12-hour clock.
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', hourCycle: clock, timeZone: 'UTC' };
  if (minutes !== 0 || clock === 'h23') options.minute = '2-digit';
  return new Intl.DateTimeFormat(intl, options).format(date);
}

/** Groups days into runs: [mon,tue,wed,fri] → "Monday to Wednesday, Friday". */
function describeDays(locale: Locale, days: readonly (typeof WEEKDAYS)[number][], t: Translate): string {
  const sorted = [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const runs: (typeof WEEKDAYS)[number][][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && WEEKDAYS.indexOf(day) === WEEKDAYS.indexOf(last) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.map((run) => {
    const first = dayName(locale, run[0] ?? 'mon');
    if (run.length === 1) return first;
    return t('hours.range', { from: first, to: dayName(locale, run.at(-1) ?? 'mon') });
  });
  return new Intl.ListFormat(LOCALES[locale].intl, { type: 'unit' }).format(parts);
}

/** Each opening-hours line in the reader's language, e.g. "Monday to Friday, 9 am to 5 pm". */
export function formatHours(locale: Locale, hours: Provider['hours'], t: Translate): string[] {
  return hours.map((slot) =>
    t('hours.slot', {
      days: describeDays(locale, slot.days, t),
      opens: timeOfDay(locale, slot.opens),
      closes: timeOfDay(locale, slot.closes),
    }),
  );
}

/** A `tel:` address for a UK number as written in the config. */
export function telHref(number: string): string {
  return `tel:${number.replace(/\s+/g, '').replace(/^0/, '+44')}`;
}

export function smsHref(number: string): string {
  return `sms:${number.replace(/\s+/g, '').replace(/^0/, '+44')}`;
}
