import { getCollection, type CollectionEntry } from 'astro:content';
import { DEFAULT_LOCALE, isLocale, LOCALE_CODES, type Locale } from '../i18n/locales.ts';
import { sourceHash } from '../i18n/sourceHash.ts';

export type PageEntry = CollectionEntry<'pages'>;

/** Who made a translation, whether a person checked it, and whether the English has changed since. */
export interface Translation {
  translatedBy: 'person' | 'machine';
  reviewedBy: string | undefined;
  stale: boolean;
}

/** One page as a reader in `locale` gets it: the translation, or the English with `fallback`. */
export interface LocalisedPage {
  locale: Locale;
  slug: string;
  entry: PageEntry;
  fallback: boolean;
  translation: Translation | undefined;
  /** Place in the main navigation, from the English page's frontmatter. */
  nav: number | undefined;
}

const EASY_READ = 'easy-read';

/** The slug of the other version of a page: "contact-us" ↔ "easy-read/contact-us", "index" ↔ "easy-read". */
export function otherVariant(slug: string): string {
  if (slug === 'index') return EASY_READ;
  if (slug === EASY_READ) return 'index';
  return slug.startsWith(`${EASY_READ}/`) ? slug.slice(EASY_READ.length + 1) : `${EASY_READ}/${slug}`;
}

function split(entry: PageEntry): { locale: Locale; slug: string } {
  const [locale, ...rest] = entry.id.split('/');
  // A folder's index.mdx is the folder's page: en/easy-read/index → "easy-read".
  const slug = rest.join('/').replace(/(.)\/index$/, '$1');
  if (!isLocale(locale) || slug === '') {
    throw new Error(`content/pages/${entry.id}: pages must live in content/pages/<locale>/<slug>.mdx with a known locale`);
  }
  return { locale, slug };
}

/** Every page in every locale, with English standing in for missing translations. */
export async function allPages(): Promise<LocalisedPage[]> {
  return localisePages(await getCollection('pages'));
}

/** Pairs each English page with its translation in every locale, or marks the English as the fallback. */
export function localisePages(entries: readonly PageEntry[]): LocalisedPage[] {
  const english = new Map<string, PageEntry>();
  const translated = new Map<string, PageEntry>();
  for (const entry of entries) {
    const { locale, slug } = split(entry);
    if (locale === DEFAULT_LOCALE) english.set(slug, entry);
    else translated.set(`${locale}/${slug}`, entry);
  }
  for (const [key, entry] of translated) {
    const slug = key.slice(key.indexOf('/') + 1);
    if (!english.has(slug)) throw new Error(`content/pages/${entry.id}: translation has no English page content/pages/en/${slug}.mdx`);
    if (entry.data.translationOf !== slug) {
      throw new Error(`content/pages/${entry.id}: translationOf must be "${slug}"`);
    }
  }
  return LOCALE_CODES.flatMap((locale) =>
    [...english].map(([slug, englishEntry]) => {
      const translation = translated.get(`${locale}/${slug}`);
      const { translatedBy, reviewedBy, sourceHash: madeFrom } = translation?.data ?? {};
      return {
        locale,
        slug,
        entry: translation ?? englishEntry,
        fallback: locale !== DEFAULT_LOCALE && !translation,
        translation: translatedBy ? { translatedBy, reviewedBy, stale: madeFrom !== sourceHash(englishEntry.body ?? '') } : undefined,
        nav: englishEntry.data.nav,
      };
    }),
  );
}

/** The main navigation: pages with `nav` in their English frontmatter, in order, in `locale`. */
export function navigation(pages: LocalisedPage[], locale: Locale): LocalisedPage[] {
  return pages
    .filter((page) => page.locale === locale && page.nav !== undefined)
    .sort((a, b) => (a.nav ?? 0) - (b.nav ?? 0));
}
