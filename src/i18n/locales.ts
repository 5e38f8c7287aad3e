/** Every language the site is offered in. English is the source of every page. */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', script: 'latin' },
  pl: { name: 'Polski', dir: 'ltr', script: 'latin' },
  ur: { name: 'اردو', dir: 'rtl', script: 'nastaliq' },
} as const;

export type Locale = keyof typeof LOCALES;
export type Dir = (typeof LOCALES)[Locale]['dir'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && Object.hasOwn(LOCALES, value);
}
