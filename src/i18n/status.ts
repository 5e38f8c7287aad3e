/**
 * Translation status for `npm run i18n:status`: for every English page and status, whether each
 * language has it up to date (✓), as an unchecked machine translation (M), stale (S) or missing (–).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { sectionSchema, sectionText, sectionTranslationSchema } from '../content/sectionSchema.ts';
import { LOCALE_CODES, LOCALES, DEFAULT_LOCALE, type Locale } from './locales.ts';
import { dataHash, sourceHash } from './sourceHash.ts';
import { PLURAL_SUFFIX, RESOURCES } from './translator.ts';

export type State = 'ok' | 'machine' | 'stale' | 'missing';
export const MARK: Record<State, string> = { ok: '✓', machine: 'M', stale: 'S', missing: '–' };

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? mdxFiles(path) : entry.name.endsWith('.mdx') ? [path] : [];
  });
}

function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match ? (parse(match[1] ?? '') as Record<string, unknown>) : {};
}

function state(translatedBy: unknown, reviewedBy: unknown, madeFrom: unknown, current: string): State {
  if (madeFrom !== current) return 'stale';
  return translatedBy === 'machine' && !reviewedBy ? 'machine' : 'ok';
}

export interface Row {
  name: string;
  /** The English file this row is translated from. */
  source: string;
  hash: string;
  states: Record<Locale, State>;
}

function pageRows(content: string): Row[] {
  const PAGES = join(content, 'pages');
  const root = join(PAGES, DEFAULT_LOCALE);
  return mdxFiles(root)
    .sort()
    .map((path) => {
      const name = relative(root, path).replace(/\.mdx$/, '');
      const hash = sourceHash(readFileSync(path, 'utf8'));
      const states = Object.fromEntries(
        LOCALE_CODES.map((locale): [Locale, State] => {
          if (locale === DEFAULT_LOCALE) return [locale, 'ok'];
          const translation = join(PAGES, locale, `${name}.mdx`);
          if (!existsSync(translation)) return [locale, 'missing'];
          const data = frontmatter(readFileSync(translation, 'utf8'));
          return [locale, state(data['translatedBy'], data['reviewedBy'], data['sourceHash'], hash)];
        }),
      ) as Record<Locale, State>;
      return { name, source: path, hash, states };
    });
}

function sectionRows(content: string): Row[] {
  const SECTIONS = join(content, 'sections');
  return readdirSync(SECTIONS)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.yaml$/, '');
      const source = join(SECTIONS, file);
      const hash = dataHash(sectionText(sectionSchema.parse(parse(readFileSync(source, 'utf8')))));
      const states = Object.fromEntries(
        LOCALE_CODES.map((locale): [Locale, State] => {
          if (locale === DEFAULT_LOCALE) return [locale, 'ok'];
          const translation = join(SECTIONS, locale, file);
          if (!existsSync(translation)) return [locale, 'missing'];
          const result = sectionTranslationSchema.safeParse(parse(readFileSync(translation, 'utf8')));
          if (!result.success) throw new Error(`${translation}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
          const data = result.data;
          return [locale, state(data.translatedBy, data.reviewedBy, data.sourceHash, hash)];
        }),
      ) as Record<Locale, State>;
      return { name: `rights/${id}`, source, hash, states };
    });
}

/** UI strings: how many of the English keys (with the plural forms each language needs) a locale has. */
export function uiCoverage(locale: Locale): { have: number; need: number } {
  const english = Object.keys(RESOURCES.en);
  const categories = new Intl.PluralRules(LOCALES[locale].intl).resolvedOptions().pluralCategories;
  const bases = new Set(english.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
  const needed = [...english.filter((key) => !PLURAL_SUFFIX.test(key)), ...[...bases].flatMap((base) => categories.map((c) => `${base}_${c}`))];
  const have = needed.filter((key) => (RESOURCES[locale][key] ?? '').trim() !== '').length;
  return { have, need: needed.length };
}

/** Every English page and status under `content` (the project's content/), with its state in each language. */
export function translationStatus(content: string): Row[] {
  return [...pageRows(content), ...sectionRows(content)];
}
