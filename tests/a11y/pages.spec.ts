import { expect, test } from '@playwright/test';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../src/i18n/locales.ts';
import { sitemapPaths } from '../sitemapUrls.ts';
import { expectNoAxeViolations } from './axe.ts';

/**
 * axe in Playwright on every English page, and in every other language on one page of each kind
 * (the same templates with that language's words, direction and fonts). pa11y-ci runs axe and
 * HTML_CodeSniffer on every page of every language; this adds the pages the server renders on
 * request, which the sitemap does not list.
 */
const KINDS = [
  '',
  'what-is-an-imha/',
  'for-staff/',
  'privacy/',
  'easy-read/',
  'easy-read/tribunal/',
  'rights/',
  'rights/s37-41/',
  'can-i-get-an-imha/',
  'can-i-get-an-imha/not-sure/',
  'can-i-get-an-imha/result-s3/',
  'can-i-get-an-imha/result-s136/easy-read/',
  'search/',
  'bsl/',
  'posters/',
  'posters/easy-read-poster/',
  'posters/staff-checklist/',
];
const ON_REQUEST = ['ask-for-an-advocate/', 'call-back/', 'refer/', 'ward-poster/'];

const english = sitemapPaths().filter((path) => path.startsWith(`/${DEFAULT_LOCALE}/`) || path === '/');
const others = LOCALE_CODES.filter((locale) => locale !== DEFAULT_LOCALE).flatMap((locale) => KINDS.map((kind) => `/${locale}/${kind}`));
const onRequest = LOCALE_CODES.flatMap((locale) => ON_REQUEST.map((slug) => `/${locale}/${slug}`));

for (const path of [...english, ...others, ...onRequest]) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status(), `${path} exists`).toBe(200);
    await expectNoAxeViolations(page);
  });
}
