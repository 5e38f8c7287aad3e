/**
 * `npm run build:print` (part of `npm run build`): renders every poster and leaflet, in every
 * language, from the built site to PDF with Chromium, one page each, with the title and language
 * set, into dist/client/print/<locale>/<kind>.pdf. Fails, naming the sheet, if one does not fit.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { loadProvider } from '../../config/loadProvider.ts';
import { LOCALE_CODES } from '../../i18n/locales.ts';
import { PDF_SHEETS, pdfUrl, printPageUrl } from '../printables.ts';

const ROOT = 'dist/client';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

if (!existsSync(ROOT)) {
  console.error('build:print: run `astro build` first; there is no dist/client.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`build:print: the PDFs are rendered with Chromium, which is not at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

// The sheets are static pages: serve the built files as they are, nothing else.
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(ROOT, path.endsWith('/') ? join(path, 'index.html') : path);
  try {
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const provider = loadProvider();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage();
const problems: string[] = [];
let made = 0;
try {
  for (const locale of LOCALE_CODES) {
    for (const kind of PDF_SHEETS) {
      await page.goto(base + printPageUrl(locale, kind), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const title = (await page.title()).trim();
      // Longer languages get slightly smaller type, down to 80%, so every sheet stays one page.
      let pdf: PDFDocument | undefined;
      for (const scale of [1, 0.95, 0.9, 0.85, 0.8]) {
        await page.evaluate((value) => document.documentElement.style.setProperty('--print-scale', String(value)), scale);
        const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        pdf = await PDFDocument.load(bytes, { updateMetadata: false });
        if (pdf.getPageCount() === 1) break;
      }
      if (!pdf || pdf.getPageCount() !== 1) {
        problems.push(`${printPageUrl(locale, kind)} takes ${pdf?.getPageCount()} pages even at 80% type; shorten its text`);
        continue;
      }
      pdf.setTitle(title, { showInWindowTitleBar: true });
      pdf.setLanguage(locale);
      pdf.setAuthor(provider.organisation);
      pdf.setSubject(`${provider.serviceName}: ${provider.website}`);
      pdf.setCreator(provider.serviceName);
      const out = join(ROOT, pdfUrl(locale, kind));
      mkdirSync(join(out, '..'), { recursive: true });
      writeFileSync(out, await pdf.save());
      made += 1;
    }
  }
} finally {
  await browser.close();
  server.close();
}

if (problems.length > 0) {
  console.error(`build:print: ${problems.join('\n')}`);
  process.exit(1);
}
console.log(`build:print: ${made} PDFs in ${ROOT}/print/`);
