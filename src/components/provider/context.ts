import { loadProvider } from '../../config/loadProvider.ts';
import { localeFromParams } from '../../i18n/paths.ts';
import { useTranslations } from '../../i18n/translator.ts';

/** What a provider component needs: the provider's details and the page's language. */
export function providerContext(params: Record<string, string | undefined>) {
  const locale = localeFromParams(params);
  return { provider: loadProvider(), locale, t: useTranslations(locale) };
}
