import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';

/** The page's locale from its route parameters; `/` is the English home. */
export function localeFromParams(params: Record<string, string | undefined>): Locale {
  const { locale } = params;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** URL of a page in a locale: `pageUrl('ur', 'contact-us')` → `/ur/contact-us/`; slug `''` is the home page. */
export function pageUrl(locale: Locale, slug: string): string {
  return slug === '' || slug === 'index' ? `/${locale}/` : `/${locale}/${slug}/`;
}
