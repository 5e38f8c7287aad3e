import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applySectionTranslation, sectionSchema, sectionText, sectionTranslationSchema } from '../../src/content/sectionSchema.ts';

const load = (id: string) => sectionSchema.parse(parse(readFileSync(`content/sections/${id}.yaml`, 'utf8')));
const translate = (id: string) => {
  const words = sectionText(load(id));
  return sectionTranslationSchema.parse({ sourceHash: '0123456789ab', translatedBy: 'machine', ...JSON.parse(JSON.stringify(words)), summary: 'Przetłumaczone podsumowanie sekcji.' });
};

describe('a translated status', () => {
  it('takes its words from the translation and its facts from the English', () => {
    const english = load('s136');
    const merged = applySectionTranslation(english, translate('s136'));
    expect(merged.summary).toBe('Przetłumaczone podsumowanie sekcji.');
    expect(merged.imha.eligible).toBe(english.imha.eligible);
    expect(merged.tribunal.canApply).toBe(english.tribunal.canApply);
    expect(merged.sources).toEqual(english.sources);
    expect(merged.nextReview).toEqual(english.nextReview);
  });

  it('cannot change eligibility or sources: the translation schema rejects them', () => {
    const result = sectionTranslationSchema.safeParse({ ...translate('s3'), group: 'informal' });
    expect(result.success).toBe(false);
    const eligible = sectionTranslationSchema.safeParse({ ...translate('s3'), imha: { reason: 'Powód, dla którego.', eligible: 'no' } });
    expect(eligible.success).toBe(false);
  });

  it('is refused, naming the field, when it leaves out text the English has', () => {
    const { renewal: _, ...withoutRenewal } = translate('s3');
    expect(() => applySectionTranslation(load('s3'), withoutRenewal)).toThrow(/renewal/);
  });

  it('is refused when it adds help "instead" to a status that has the right to an IMHA', () => {
    const withInstead = { ...translate('s3'), imha: { reason: 'Powód, dla którego.', instead: 'Inna pomoc, której nie ma w angielskim.' } };
    expect(() => applySectionTranslation(load('s3'), withInstead)).toThrow(/imha\.instead/);
  });
});
