/** Every language (`intl`: the tag for dates and numbers; `clock`: how people there write times) the site is offered in. English is the source of every page. */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', script: 'latin', intl: 'en-GB', clock: 'h12' },
  pl: { name: 'Polski', dir: 'ltr', script: 'latin', intl: 'pl-PL', clock: 'h23' },
  ur: { name: 'اردو', dir: 'rtl', script: 'nastaliq', intl: 'ur-PK', clock: 'h12' },
} as const;

export type Locale = keyof typeof LOCALES;
export type Dir = (typeof LOCALES)[Locale]['dir'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && Object.hasOwn(LOCALES, value);
}
