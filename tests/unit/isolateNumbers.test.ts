import { describe, expect, it } from 'vitest';
import { isolateNumbers } from '../../src/i18n/isolateNumbers.ts';

const LRI = '\u2066';
const PDI = '\u2069';

describe('numbers in right-to-left text', () => {
  it('keeps a phone number and a section reference in their written order', () => {
    expect(isolateNumbers('فون کریں 0113 496 0123 پر')).toBe(`فون کریں ${LRI}0113 496 0123${PDI} پر`);
    expect(isolateNumbers('دفعہ 5(2) کے تحت')).toBe(`دفعہ ${LRI}5(2)${PDI} کے تحت`);
    expect(isolateNumbers('المادة 6(1)(e) و 130B(5)')).toBe(`المادة ${LRI}6(1)(e)${PDI} و ${LRI}130B(5)${PDI}`);
  });

  it('leaves alone what the bidi rules already show correctly', () => {
    for (const text of ['دفعہ 37/41', '72 گھنٹے', '3/12/2026', 'دفعہ 3 اور دفعہ 2']) expect(isolateNumbers(text)).toBe(text);
  });
});
