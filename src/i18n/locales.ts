/**
 * Every language the site is offered in. `intl`: the tag for dates and numbers; `clock`: how people
 * there write times; `ui`: who translated the UI strings (English is the source of every page).
 */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', script: 'latin', intl: 'en-GB', clock: 'h12', ui: 'source' },
  pl: { name: 'Polski', dir: 'ltr', script: 'latin', intl: 'pl-PL', clock: 'h23', ui: 'machine' },
  ro: { name: 'Română', dir: 'ltr', script: 'latin', intl: 'ro-RO', clock: 'h23', ui: 'machine' },
  pa: { name: 'ਪੰਜਾਬੀ', dir: 'ltr', script: 'gurmukhi', intl: 'pa-IN', clock: 'h12', ui: 'machine' },
  ur: { name: 'اردو', dir: 'rtl', script: 'nastaliq', intl: 'ur-PK', clock: 'h12', ui: 'machine' },
  pt: { name: 'Português', dir: 'ltr', script: 'latin', intl: 'pt-PT', clock: 'h23', ui: 'machine' },
  es: { name: 'Español', dir: 'ltr', script: 'latin', intl: 'es-ES', clock: 'h23', ui: 'machine' },
  ar: { name: 'العربية', dir: 'rtl', script: 'arabic', intl: 'ar-u-nu-latn', clock: 'h12', ui: 'machine' },
  bn: { name: 'বাংলা', dir: 'ltr', script: 'bengali', intl: 'bn-BD-u-nu-latn', clock: 'h12', ui: 'machine' },
  gu: { name: 'ગુજરાતી', dir: 'ltr', script: 'gujarati', intl: 'gu-IN', clock: 'h12', ui: 'machine' },
  so: { name: 'Soomaali', dir: 'ltr', script: 'latin', intl: 'so-SO', clock: 'h12', ui: 'machine' },
} as const;

export type Locale = keyof typeof LOCALES;
export type Dir = (typeof LOCALES)[Locale]['dir'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && Object.hasOwn(LOCALES, value);
}
