import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/forms/definitions.ts';
import { LOCALE_CODES, LOCALES } from '../../src/i18n/locales.ts';
import { MESSAGE_KEYS } from '../../src/referrals/schema.ts';
import { PLURAL_SUFFIX, RESOURCES } from '../../src/i18n/translator.ts';

const english = RESOURCES.en;
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(astro|ts|mjs)$/.test(entry.name) && !path.includes('i18n/locales') ? [path] : [];
  });
}

const code = sourceFiles('src').map((file) => readFileSync(file, 'utf8')).join('\n');
// Keys built at run time, like `crisis.${kind}`, count as used by their prefix.
const dynamicPrefixes = [...code.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1] ?? '').filter((prefix) => !['field.', 'option.', 'form.'].includes(prefix));

/** Keys the forms ask for: every label, hint, option and section, and every error the schemas can give. */
const formKeys = new Set<string>([
  ...MESSAGE_KEYS,
  ...FORMS.flatMap((form) => [
    `form.${form.kind}.title`,
    `form.${form.kind}.intro`,
    `form.${form.kind}.submit`,
    ...form.sections.flatMap((section) => [
      `form.section.${section.id}`,
      ...section.fields.flatMap((field) => [
        `field.${field.name}.label`,
        ...(field.hint ? [`field.${field.name}.hint`] : []),
        ...('options' in field ? field.options.map((option) => `option.${field.name}.${option}`) : []),
      ]),
    ]),
  ]),
]);

function isUsed(key: string): boolean {
  const base = baseKey(key);
  return (
    formKeys.has(base) ||
    new RegExp(`['"\`]${base.replace(/[.]/g, '\\.')}['"\`]`).test(code) ||
    dynamicPrefixes.some((prefix) => base.startsWith(prefix))
  );
}

describe('UI strings', () => {
  it('English has every key that code uses and no key that nothing uses', () => {
    const unused = Object.keys(english).filter((key) => !isUsed(key));
    expect(unused, 'keys in en.json that no code uses').toEqual([]);
  });

  it.each(LOCALE_CODES.filter((code) => code !== 'en'))('%s has no key that English lacks', (locale) => {
    const englishBases = new Set(Object.keys(english).map(baseKey));
    const extra = Object.keys(RESOURCES[locale]).filter((key) => !englishBases.has(baseKey(key)));
    expect(extra).toEqual([]);
  });

  it.each(LOCALE_CODES.filter((code) => code !== 'en'))('%s has every English string, with each plural form its language needs', (locale) => {
    const categories = new Intl.PluralRules(LOCALES[locale].intl).resolvedOptions().pluralCategories;
    const needed = [
      ...new Set(
        Object.keys(english).map((key) => (PLURAL_SUFFIX.test(key) ? baseKey(key) + '_*' : key)),
      ),
    ].flatMap((key) => (key.endsWith('_*') ? categories.map((category) => key.replace('*', category)) : [key]));
    const missing = needed.filter((key) => !Object.hasOwn(RESOURCES[locale], key) || RESOURCES[locale][key]?.trim() === '');
    expect(missing, `strings missing from src/i18n/locales/${locale}.json`).toEqual([]);
  });

  it.each(LOCALE_CODES.filter((code) => code !== 'en'))('%s uses the same {{placeholders}} as English', (locale) => {
    const mismatches = Object.entries(RESOURCES[locale]).flatMap(([key, text]) => {
      const source = english[key as keyof typeof english] ?? english[`${baseKey(key)}_other` as keyof typeof english];
      if (source === undefined) return [];
      return placeholders(text).join() === placeholders(source).join() ? [] : [`${key}: ${placeholders(text).join()} ≠ ${placeholders(source).join()}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('every label, hint, option and error message the forms need exists in English', () => {
    const englishBases = new Set(Object.keys(english).map(baseKey));
    expect([...formKeys].filter((key) => !englishBases.has(key))).toEqual([]);
  });

  it('every key the code asks for exists in English', () => {
    const asked = [...code.matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1] ?? '');
    const englishBases = new Set(Object.keys(english).map(baseKey));
    expect(asked.filter((key) => !englishBases.has(key))).toEqual([]);
  });
});
