/**
 * `npm run i18n:status`: every page in every language, as a table.
 *   ✓ translated by a person (or a machine translation a person has checked), up to date
 *   M machine translation, nobody has checked it yet
 *   S stale: the English has changed since the translation was made
 *   – missing: readers get the English with a notice
 * `npm run i18n:status -- --hashes` prints the sourceHash of every English page and status, for
 * translators to record in what they make from it.
 */
import { DEFAULT_LOCALE, LOCALE_CODES } from '../locales.ts';
import { MARK, translationStatus, uiCoverage } from '../status.ts';

const rows = translationStatus('content');

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
