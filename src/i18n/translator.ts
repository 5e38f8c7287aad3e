import i18next, { type TFunction } from 'i18next';
import ar from './locales/ar.json' with { type: 'json' };
import bn from './locales/bn.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import gu from './locales/gu.json' with { type: 'json' };
import pa from './locales/pa.json' with { type: 'json' };
import pl from './locales/pl.json' with { type: 'json' };
import pt from './locales/pt.json' with { type: 'json' };
import ro from './locales/ro.json' with { type: 'json' };
import so from './locales/so.json' with { type: 'json' };
import ur from './locales/ur.json' with { type: 'json' };
import { isolateNumbers } from './isolateNumbers.ts';
import { DEFAULT_LOCALE, LOCALES, LOCALE_CODES, type Locale } from './locales.ts';

export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K> = K extends `${infer Base}_${PluralForm}` ? Base : K;

/** Every UI string key; plural keys (`x_one`, `x_other`) are used by their base name with a `count`. */
export type UiKey = WithoutPlural<keyof typeof en>;

/** UI strings by locale; English is complete, the others fall back to it key by key. */
export const RESOURCES: Record<Locale, Record<string, string>> = { en, pl, ro, pa, ur, pt, es, ar, bn, gu, so };

const translators = new Map<Locale, TFunction>();

for (const locale of LOCALE_CODES) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources: Object.fromEntries(LOCALE_CODES.map((code) => [code, { translation: RESOURCES[code] }])),
    keySeparator: false,
    nsSeparator: false,
    // Astro escapes every value it prints.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  translators.set(locale, instance.t);
}

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** The translator for a locale: `t('nav.home')`, `t('fallback.notice', { language })`. */
export function useTranslations(locale: Locale): Translate {
  const t = translators.get(locale);
  if (!t) throw new Error(`No translations for locale "${locale}"`);
  if (LOCALES[locale].dir === 'rtl') return (key, values) => isolateNumbers(t(key, values ?? {}));
  return (key, values) => t(key, values ?? {});
}

const SLOT = '\u0000';

/**
 * Splits a translated sentence around one placeholder so a component can put
 * a link there: `around(t, 'crisis.nhs111', 'phone')` → ["Call NHS 111 …: ", ""].
 */
export function around(t: Translate, key: UiKey, placeholder: string): [string, string] {
  const [before = '', after = ''] = t(key, { [placeholder]: SLOT }).split(SLOT);
  return [before, after];
}
