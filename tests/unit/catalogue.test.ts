import { describe, expect, it } from 'vitest';
import { localisePages, type PageEntry } from '../../src/content/catalogue.ts';
import { LOCALE_CODES } from '../../src/i18n/locales.ts';
import { sourceHash } from '../../src/i18n/sourceHash.ts';

const page = (id: string, body: string, data: Record<string, unknown> = {}) =>
  ({ id, body, collection: 'pages', data: { title: id, variant: 'standard', ...data } }) as unknown as PageEntry;

const entries = [
  page('en/tribunal', 'The Tribunal can end your section.'),
  page('en/contact-us', 'Phone us.'),
  page('pl/tribunal', 'Trybunał.', { translationOf: 'tribunal', translatedBy: 'machine', sourceHash: sourceHash('The Tribunal can end your section.') }),
  page('ur/tribunal', 'ٹریبونل', { translationOf: 'tribunal', translatedBy: 'person', sourceHash: sourceHash('An older English text.') }),
];

describe('pages in every language', () => {
  const pages = localisePages(entries);
  const find = (locale: string, slug: string) => pages.find((p) => p.locale === locale && p.slug === slug);

  it('offers every English page in every language', () => {
    expect(pages).toHaveLength(2 * LOCALE_CODES.length);
  });

  it('shows the English, marked as a fallback, where there is no translation', () => {
    expect(find('pl', 'contact-us')).toMatchObject({ fallback: true, translation: undefined });
    expect(find('pl', 'contact-us')?.entry.id).toBe('en/contact-us');
    expect(find('en', 'contact-us')?.fallback).toBe(false);
  });

  it('uses the translation where there is one, saying who made it and whether the English has changed since', () => {
    expect(find('pl', 'tribunal')).toMatchObject({ fallback: false, translation: { translatedBy: 'machine', stale: false } });
    expect(find('ur', 'tribunal')).toMatchObject({ fallback: false, translation: { translatedBy: 'person', stale: true } });
  });

  it('refuses a translation of a page that has no English, or that names the wrong page', () => {
    expect(() => localisePages([...entries, page('pl/no-english', 'x', { translationOf: 'no-english' })])).toThrow(/has no English page/);
    expect(() => localisePages([...entries, page('pl/contact-us', 'x', { translationOf: 'tribunal' })])).toThrow(/translationOf must be "contact-us"/);
  });
});
