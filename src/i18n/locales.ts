/** Every language (`intl`: the tag for dates and numbers; `clock`: how people there write times) the site is offered in. English is the source of every page. */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', script: 'latin', intl: 'en-GB', clock: 'h12' },
  pl: { name: 'Polski', dir: 'ltr', script: 'latin', intl: 'pl-PL', clock: 'h23' },
  ro: { name: 'Română', dir: 'ltr', script: 'latin', intl: 'ro-RO', clock: 'h23' },
  pa: { name: 'ਪੰਜਾਬੀ', dir: 'ltr', script: 'gurmukhi', intl: 'pa-IN', clock: 'h12' },
  ur: { name: 'اردو', dir: 'rtl', script: 'nastaliq', intl: 'ur-PK', clock: 'h12' },
  pt: { name: 'Português', dir: 'ltr', script: 'latin', intl: 'pt-PT', clock: 'h23' },
  es: { name: 'Español', dir: 'ltr', script: 'latin', intl: 'es-ES', clock: 'h23' },
  ar: { name: 'العربية', dir: 'rtl', script: 'arabic', intl: 'ar-u-nu-latn', clock: 'h12' },
  bn: { name: 'বাংলা', dir: 'ltr', script: 'bengali', intl: 'bn-BD', clock: 'h12' },
  gu: { name: 'ગુજરાતી', dir: 'ltr', script: 'gujarati', intl: 'gu-IN', clock: 'h12' },
  so: { name: 'Soomaali', dir: 'ltr', script: 'latin', intl: 'so-SO', clock: 'h12' },
} as const;

export type Locale = keyof typeof LOCALES;
export type Dir = (typeof LOCALES)[Locale]['dir'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && Object.hasOwn(LOCALES, value);
}
