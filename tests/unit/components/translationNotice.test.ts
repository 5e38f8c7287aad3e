import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import TranslationNotice from '../../../src/components/TranslationNotice.astro';
import { RESOURCES } from '../../../src/i18n/translator.ts';

const container = await AstroContainer.create();
const render = (props: Record<string, unknown>) => container.renderToString(TranslationNotice, { props });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the notice at the top of a translated page', () => {
  it('says in the reader’s language that a machine made the translation, links to the English and offers an interpreter', async () => {
    const html = await render({ locale: 'ur', slug: 'tribunal', fallback: false, translation: { translatedBy: 'machine', reviewedBy: undefined, stale: false } });
    expect(text(html)).toContain(RESOURCES.ur['translation.machine']);
    expect(text(html)).toContain(RESOURCES.ur['translation.interpreter']);
    expect(html).toContain('href="/en/tribunal/"');
    expect(text(html)).not.toContain(RESOURCES.ur['translation.stale']);
  });

  it('warns that the page may be out of date when the English has changed since the translation', async () => {
    const html = await render({ locale: 'pl', slug: 'tribunal', fallback: false, translation: { translatedBy: 'person', reviewedBy: 'A. Nowak', stale: true } });
    expect(text(html)).toContain(RESOURCES.pl['translation.stale']);
    expect(text(html)).not.toContain(RESOURCES.pl['translation.machine']);
    expect(html).toContain('href="/en/tribunal/"');
  });

  it('says nothing on an up-to-date translation by a person', async () => {
    const html = await render({ locale: 'pl', slug: 'tribunal', fallback: false, translation: { translatedBy: 'person', reviewedBy: undefined, stale: false } });
    expect(text(html).trim()).toBe('');
  });

  it('explains, in the reader’s language, that a missing translation is shown in English', async () => {
    const html = await render({ locale: 'ar', slug: 'tribunal', fallback: true, translation: undefined });
    expect(text(html)).toContain(RESOURCES.ar['fallback.notice']?.replace('{{language}}', 'العربية'));
  });
});
