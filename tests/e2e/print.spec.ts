import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { PNG } from 'pngjs';
import { loadProvider } from '../../src/config/loadProvider.ts';
import { LOCALE_CODES } from '../../src/i18n/locales.ts';
import { PRINT_KINDS, pdfUrl } from '../../src/print/printables.ts';

const provider = loadProvider();
const work = mkdtempSync(join(tmpdir(), 'rtbh-print-'));
const digits = (text: string) => text.replace(/\D/g, '');

/** Rasterises page 1 as a person's phone camera would see it, and reads the QR code on it. */
function readQr(pdfPath: string): string | undefined {
  execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', pdfPath, join(work, 'page')]);
  const png = PNG.sync.read(readFileSync(join(work, 'page.png')));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test.describe('posters and leaflets', () => {
  test('the staff page links a PDF of every poster and leaflet in every language', async ({ page }) => {
    await page.goto('/en/posters/');
    const hrefs = await page.locator('a[type="application/pdf"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const expected = [...LOCALE_CODES.flatMap((locale) => PRINT_KINDS.map((kind) => pdfUrl(locale, kind))), pdfUrl('en', 'staff-checklist')];
    expect([...hrefs].sort()).toEqual([...expected].sort());
  });

  for (const locale of LOCALE_CODES) {
    test(`${locale}: every PDF is one page with a title and language, gives our phone number, and its QR code opens the form`, async ({ request }) => {
      for (const kind of PRINT_KINDS) {
        const response = await request.get(pdfUrl(locale, kind));
        expect(response.status(), pdfUrl(locale, kind)).toBe(200);
        const bytes = await response.body();
        const file = join(work, `${locale}-${kind}.pdf`);
        writeFileSync(file, bytes);

        const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
        expect(pdf.getPageCount(), `${kind} fits on one page`).toBe(1);
        expect(pdf.getTitle(), `${kind} has a title`).toMatch(new RegExp(`${provider.serviceName}$`));
        expect((pdf.catalog.get(PDFName.of('Lang')) as PDFString | undefined)?.decodeText(), `${kind} has its language`).toBe(locale);

        const text = execFileSync('pdftotext', [file, '-']).toString();
        expect(digits(text), `${kind} gives the phone number`).toContain(digits(provider.phone));
        expect(digits(text), `${kind} gives the text number`).toContain(digits(provider.text));
        expect(readQr(file), `${kind}: QR code`).toBe(`${provider.website}/${locale}/ask-for-an-advocate/`);
      }
    });

    test(`${locale}: the staff checklist PDF is one page, gives our phone number, and its QR code opens the staff referral form`, async ({ request }) => {
      const response = await request.get(pdfUrl(locale, 'staff-checklist'));
      expect(response.status()).toBe(200);
      const bytes = await response.body();
      const file = join(work, `${locale}-staff-checklist.pdf`);
      writeFileSync(file, bytes);
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(pdf.getPageCount()).toBe(1);
      expect((pdf.catalog.get(PDFName.of('Lang')) as PDFString | undefined)?.decodeText()).toBe(locale);
      expect(digits(execFileSync('pdftotext', [file, '-']).toString())).toContain(digits(provider.phone));
      expect(readQr(file)).toBe(`${provider.website}/${locale}/refer/`);
    });
  }

  test('a sheet shown on screen says how to print it and links its PDF', async ({ page }) => {
    await page.goto('/ur/posters/poster/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
    await expect(page.getByRole('link', { name: /PDF/ }).or(page.locator(`a[href="${pdfUrl('ur', 'poster')}"]`)).first()).toHaveAttribute('href', pdfUrl('ur', 'poster'));
    await expect(page.locator('.sheet .print-sheet__number strong').first()).toHaveText(provider.phone);
  });

  test('printed, a sheet shows nothing but the sheet', async ({ page }) => {
    await page.goto('/en/posters/leaflet/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.sheet-bar')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'You have the right to an advocate' })).toBeVisible();
  });
});
