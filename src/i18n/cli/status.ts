/**
 * `npm run i18n:status`: every page in every language, as a table.
 *   ✓ translated by a person (or a machine translation a person has checked), up to date
 *   M machine translation, nobody has checked it yet
 *   S stale: the English has changed since the translation was made
 *   – missing: readers get the English with a notice
 * `npm run i18n:status -- --hashes` prints the sourceHash of every English page and status, for
 * translators to record in what they make from it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { sectionSchema, sectionText, sectionTranslationSchema } from '../../content/sectionSchema.ts';
import { LOCALE_CODES, LOCALES, DEFAULT_LOCALE, type Locale } from '../locales.ts';
import { dataHash, sourceHash } from '../sourceHash.ts';
import { PLURAL_SUFFIX, RESOURCES } from '../translator.ts';

const PAGES = 'content/pages';
const SECTIONS = 'content/sections';

type State = 'ok' | 'machine' | 'stale' | 'missing';
const MARK: Record<State, string> = { ok: '✓', machine: 'M', stale: 'S', missing: '–' };

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

interface Row {
  name: string;
  /** The English file this row is translated from. */
  source: string;
  hash: string;
  states: Record<Locale, State>;
}

function pageRows(): Row[] {
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

function sectionRows(): Row[] {
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
          const data = sectionTranslationSchema.parse(parse(readFileSync(translation, 'utf8')));
          return [locale, state(data.translatedBy, data.reviewedBy, data.sourceHash, hash)];
        }),
      ) as Record<Locale, State>;
      return { name: `rights/${id}`, source, hash, states };
    });
}

/** UI strings: how many of the English keys (with the plural forms each language needs) a locale has. */
function uiCoverage(locale: Locale): { have: number; need: number } {
  const english = Object.keys(RESOURCES.en);
  const categories = new Intl.PluralRules(LOCALES[locale].intl).resolvedOptions().pluralCategories;
  const bases = new Set(english.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
  const needed = [...english.filter((key) => !PLURAL_SUFFIX.test(key)), ...[...bases].flatMap((base) => categories.map((c) => `${base}_${c}`))];
  const have = needed.filter((key) => (RESOURCES[locale][key] ?? '').trim() !== '').length;
  return { have, need: needed.length };
}

const rows = [...pageRows(), ...sectionRows()];

if (process.argv.includes('--hashes')) {
  for (const row of rows) console.log(`${row.hash}  ${row.source}`);
  process.exit(0);
}

const others = LOCALE_CODES.filter((locale) => locale !== DEFAULT_LOCALE);
const width = Math.max(...rows.map((row) => row.name.length), 'UI strings'.length);
console.log(['page'.padEnd(width), ...others.map((locale) => locale.padStart(7))].join(' '));
for (const row of rows) {
  console.log([row.name.padEnd(width), ...others.map((locale) => MARK[row.states[locale]].padStart(7))].join(' '));
}
console.log(
  ['UI strings'.padEnd(width), ...others.map((locale) => { const { have, need } = uiCoverage(locale); return (have === need ? '✓' : `${have}/${need}`).padStart(7); })].join(' '),
);
console.log('');
console.log('✓ up to date   M machine translation, not yet checked by a person   S stale: the English has changed   – missing');
const totals = others.map((locale) => {
  const counts = { ok: 0, machine: 0, stale: 0, missing: 0 };
  for (const row of rows) counts[row.states[locale]] += 1;
  return `${locale}: ${counts.ok} up to date, ${counts.machine} machine, ${counts.stale} stale, ${counts.missing} missing`;
});
console.log(totals.join('\n'));
