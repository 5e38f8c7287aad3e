/**
 * `npm run bench`: what a first visit to each page downloads, measured in a real
 * browser (so fonts count only when the page's text needs them), by type, raw and gzip.
 * Targets: HTML + CSS ≤ 30 KB gzip per page; everything ≤ 100 KB gzip.
 */
import { chromium } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOCALE_CODES } from '../../src/i18n/locales.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBuiltServer } from '../serveBuilt.ts';
import { sitemapPaths } from '../sitemapUrls.ts';

type Kind = 'html' | 'css' | 'js' | 'font' | 'other';
const KINDS: Kind[] = ['html', 'css', 'js', 'font', 'other'];
const HTML_CSS_BUDGET = 30 * 1024;
const TOTAL_BUDGET = 100 * 1024;

function kindOf(contentType: string): Kind {
  if (contentType.includes('text/html')) return 'html';
  if (contentType.includes('text/css')) return 'css';
  if (contentType.includes('javascript')) return 'js';
  if (contentType.includes('font')) return 'font';
  return 'other';
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
const server = await startBuiltServer(Number(process.env['BENCH_PORT'] ?? 4329), { DELIVERY_WORKER: 'off' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const rows: { path: string; raw: Record<Kind, number>; gzip: Record<Kind, number> }[] = [];

for (const path of sitemapPaths()) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const raw = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const gzip = { ...raw };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => {
          const kind = kindOf(response.headers()['content-type'] ?? '');
          raw[kind] += body.length;
          // Fonts are already compressed (woff2); gzip would not shrink them.
          gzip[kind] += kind === 'font' ? body.length : gzipSync(body, { level: 9 }).length;
        },
        () => undefined,
      ),
    );
  });
  await page.goto(`${server.base}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await Promise.all(pending);
  rows.push({ path, raw, gzip });
  await context.close();
}
await browser.close();
server.stop();

const sum = (r: Record<Kind, number>) => KINDS.reduce((total, kind) => total + r[kind], 0);
console.log(`${'page'.padEnd(40)} ${KINDS.map((k) => `${k} raw/gz KB`.padStart(16)).join(' ')}   total gz KB`);
let worstHtmlCss = 0;
let worstTotal = 0;
for (const { path, raw, gzip } of rows) {
  worstHtmlCss = Math.max(worstHtmlCss, gzip.html + gzip.css);
  worstTotal = Math.max(worstTotal, sum(gzip));
  console.log(`${path.padEnd(40)} ${KINDS.map((k) => `${kb(raw[k])}/${kb(gzip[k])}`.padStart(16)).join(' ')}   ${kb(sum(gzip))}`);
}
const totals = (pick: 'raw' | 'gzip') => Object.fromEntries(KINDS.map((k) => [k, rows.reduce((t, row) => t + row[pick][k], 0)])) as Record<Kind, number>;
const rawTotals = totals('raw');
const gzipTotals = totals('gzip');
console.log(`${`all ${rows.length} pages`.padEnd(40)} ${KINDS.map((k) => `${kb(rawTotals[k])}/${kb(gzipTotals[k])}`.padStart(16)).join(' ')}   ${kb(sum(gzipTotals))}`);
console.log(`\nLargest HTML + CSS on one page: ${kb(worstHtmlCss)} KB gzip (target ≤ ${HTML_CSS_BUDGET / 1024} KB) ${worstHtmlCss <= HTML_CSS_BUDGET ? 'met' : 'MISSED'}`);
console.log(`Largest first visit, fonts included: ${kb(worstTotal)} KB gzip (target ≤ ${TOTAL_BUDGET / 1024} KB) ${worstTotal <= TOTAL_BUDGET ? 'met' : 'MISSED'}`);
const largestJs = Math.max(...rows.map((row) => row.raw.js));
console.log(`JavaScript: at most ${largestJs} bytes on one page (the optional islands), on ${rows.filter((row) => row.raw.js > 0).length} of ${rows.length} pages`);

// Each language's own fonts make the difference between languages: the heaviest first visit in each.
console.log('\nHeaviest first visit by language (gzip KB, fonts included):');
for (const locale of LOCALE_CODES) {
  const mine = rows.filter((row) => row.path.startsWith(`/${locale}/`));
  if (mine.length === 0) continue;
  const heaviest = Math.max(...mine.map((row) => sum(row.gzip)));
  const fonts = Math.max(...mine.map((row) => row.gzip.font));
  console.log(`  ${locale}  ${kb(heaviest)}  (fonts up to ${kb(fonts).trim()})${heaviest <= TOTAL_BUDGET ? '' : '  over the 100 KB target'}`);
}

// The PDFs staff download and print.
const pdfs = readdirSync('dist/client/print', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.pdf'))
  .map((name) => statSync(join('dist/client/print', name)).size);
if (pdfs.length > 0) {
  console.log(`\nPDFs: ${pdfs.length}, largest ${kb(Math.max(...pdfs)).trim()} KB, all together ${kb(pdfs.reduce((a, b) => a + b, 0)).trim()} KB`);
}
