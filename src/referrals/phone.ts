/**
 * UK phone numbers, typed in any common way, turned into one national form with the usual spacing:
 * "07700 900123", "0113 496 0123", "020 7946 0123", "01632 960123", "0300 123 4567", "0800 123456".
 * Returns null for numbers outside the UK and for number ranges Ofcom does not use.
 */

/** Where the national significant number (the digits after the leading 0) may start, and how long it may be. */
function plausible(nsn: string): boolean {
  if (nsn.length === 10) return /^(1[1-9]|2[03489]|3[0-9]|5[56]|7[0-9]|8[047])/.test(nsn);
  // A few small-town area codes and some 0800 numbers have one digit fewer.
  if (nsn.length === 9) return /^(1[1-9]|800)/.test(nsn);
  return false;
}

function format(nsn: string): string {
  const n = `0${nsn}`;
  const group = (...sizes: number[]) => {
    const parts: string[] = [];
    let at = 0;
    for (const size of sizes) {
      parts.push(n.slice(at, at + size));
      at += size;
    }
    parts.push(n.slice(at));
    return parts.filter(Boolean).join(' ');
  };
  if (nsn.length === 9) return nsn.startsWith('800') ? group(4) : group(6);
  if (nsn.startsWith('2') || nsn.startsWith('5')) return group(3, 4);
  // Large cities: 0113, 0121 … have a 4-digit code and a 7-digit local number.
  if (/^1(1\d|\d1)/.test(nsn)) return group(4, 3);
  if (nsn.startsWith('1') || nsn.startsWith('7')) return group(5);
  return group(4, 3);
}

export function normaliseUkPhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 30) return null;
  if (!/^\+?[\d\s\u00a0().\-/]+$/.test(trimmed)) return null;
  const international = trimmed.startsWith('+');
  // "+44 (0)7700 900123" is common in signatures; the (0) is not dialled from abroad.
  const digits = trimmed.replace(/\(0\)/, '').replace(/\D/g, '');
  let nsn: string;
  if (international) {
    if (!digits.startsWith('44')) return null;
    nsn = digits.slice(2);
  } else if (digits.startsWith('00')) {
    if (!digits.startsWith('0044')) return null;
    nsn = digits.slice(4);
  } else if (digits.startsWith('0')) {
    nsn = digits.slice(1);
  } else if (digits.startsWith('44') && (digits.length === 11 || digits.length === 12)) {
    nsn = digits.slice(2);
  } else {
    return null;
  }
  if (nsn.startsWith('0')) nsn = nsn.slice(1);
  return plausible(nsn) ? format(nsn) : null;
}
