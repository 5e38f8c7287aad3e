import { getCollection } from 'astro:content';
import { dataHash } from '../i18n/sourceHash.ts';
import { isolateNumbers } from '../i18n/isolateNumbers.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales.ts';
import { applySectionTranslation, SECTION_GROUPS, sectionText, type SectionData } from './sectionSchema.ts';
import type { Translation } from './catalogue.ts';

/** One status as a reader in `locale` gets it: translated words where a translation exists, else English. */
export interface SectionEntry {
  id: string;
  data: SectionData;
  /** True when the words are the English ones standing in for a missing translation. */
  fallback: boolean;
  translation: Translation | undefined;
}

/** Every Mental Health Act status in `locale`, by group in the order of SECTION_GROUPS, then by `order`. */
export async function allSections(locale: Locale = DEFAULT_LOCALE): Promise<SectionEntry[]> {
  const english = await getCollection('sections');
  const translations = new Map((await getCollection('sectionTranslations')).map((entry) => [entry.id, entry.data]));
  const ids = new Set(english.map((entry) => entry.id));
  for (const key of translations.keys()) {
    if (!ids.has(key.slice(key.indexOf('/') + 1))) throw new Error(`content/sections/${key}.yaml: there is no English content/sections/${key.slice(key.indexOf('/') + 1)}.yaml`);
  }
  return english
    .map((entry): SectionEntry => {
      const translated = locale === DEFAULT_LOCALE ? undefined : translations.get(`${locale}/${entry.id}`);
      if (!translated) return { id: entry.id, data: entry.data, fallback: locale !== DEFAULT_LOCALE, translation: undefined };
      let data: SectionData;
      try {
        data = applySectionTranslation(entry.data, LOCALES[locale].dir === 'rtl' ? isolateWords(translated) : translated);
      } catch (error) {
        throw new Error(`content/sections/${locale}/${entry.id}.yaml: ${(error as Error).message}`);
      }
      return {
        id: entry.id,
        data,
        fallback: false,
        translation: {
          translatedBy: translated.translatedBy,
          reviewedBy: translated.reviewedBy,
          stale: translated.sourceHash !== dataHash(sectionText(entry.data)),
        },
      };
    })
    .sort((a, b) => SECTION_GROUPS.indexOf(a.data.group) - SECTION_GROUPS.indexOf(b.data.group) || a.data.order - b.data.order);
}

/** The translation with every number in its words kept in written order in right-to-left text. */
function isolateWords<T>(value: T): T {
  if (typeof value === 'string') return isolateNumbers(value) as T;
  if (Array.isArray(value)) return value.map(isolateWords) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'sourceHash' ? v : isolateWords(v)])) as T;
  return value;
}

/** A paragraph of dataset text as runs of plain and **bold** text, for safe rendering. */
export type Run = { text: string; bold: boolean };

export function paragraphs(text: string): Run[][] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => paragraph.split(/\*\*/).map((part, index) => ({ text: part, bold: index % 2 === 1 })).filter((run) => run.text !== ''));
}
