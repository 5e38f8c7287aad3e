import { describe, expect, it } from 'vitest';
import { normaliseUkPhone } from '../../../src/referrals/phone.ts';

describe('normaliseUkPhone', () => {
  it.each([
    ['07700 900123', '07700 900123'],
    ['07700900123', '07700 900123'],
    ['  07700-900-123 ', '07700 900123'],
    ['+44 7700 900123', '07700 900123'],
    ['+44 (0)7700 900123', '07700 900123'],
    ['+447700900123', '07700 900123'],
    ['0044 7700 900123', '07700 900123'],
    ['44 7700 900123', '07700 900123'],
    ['(0113) 496 0123', '0113 496 0123'],
    ['0113.496.0123', '0113 496 0123'],
    ['+44 113 496 0123', '0113 496 0123'],
    ['0121 496 0000', '0121 496 0000'],
    ['020 7946 0123', '020 7946 0123'],
    ['02079460123', '020 7946 0123'],
    ['01632 960123', '01632 960123'],
    ['016977 2345', '016977 2345'],
    ['0300 123 4567', '0300 123 4567'],
    ['0808 157 0123', '0808 157 0123'],
    ['0800 123456', '0800 123456'],
    ['028 9018 0123', '028 9018 0123'],
    ['07700\u00a0900123', '07700 900123'],
  ])('reads %j as %j', (input, expected) => {
    expect(normaliseUkPhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['+1 212 555 0123', 'a US number'],
    ['+33 1 23 45 67 89', 'a French number'],
    ['0033 1 23 45 67 89', 'a French number with 00'],
    ['07700 90012', 'one digit short'],
    ['07700 9001234', 'one digit long'],
    ['0612 345678', 'an unused 06 range'],
    ['0412 345678', 'an unused 04 range'],
    ['0212 345 6789', 'an unused 021 range'],
    ['0912 345 6789', 'premium rate'],
    ['7700 900123', 'no leading 0'],
    ['07700 9OO123', 'letters for digits'],
    ['07700 900123 ext 2', 'an extension'],
    ['call me', 'words'],
    ['0'.repeat(40), 'absurdly long'],
    ['07700+900123', 'a plus in the middle'],
  ])('rejects %j (%s)', (input) => {
    expect(normaliseUkPhone(input)).toBeNull();
  });

  it('gives the same answer for its own output', () => {
    for (const n of ['07700 900123', '0113 496 0123', '020 7946 0123', '01632 960123', '0800 123456']) {
      expect(normaliseUkPhone(n)).toBe(n);
    }
  });
});
