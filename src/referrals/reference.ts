import { cryptoRandom, type RandomSource } from './random.ts';

/**
 * Characters a person can read out over the phone without confusion: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
 * 25 characters, so the 8 random ones carry about 37 bits.
 */
export const REFERENCE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const REFERENCE_PREFIX = 'IMHA';
export const REFERENCE_PATTERN = /^IMHA-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/;

/** Uniform characters from the alphabet: bytes at or above the largest multiple of 25 are thrown away. */
function randomChars(count: number, random: RandomSource): string {
  const size = REFERENCE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < count) {
    for (const byte of random.bytes(count * 2)) {
      if (byte < limit && out.length < count) out += REFERENCE_ALPHABET[byte % size];
    }
  }
  return out;
}

/** A reference such as IMHA-7KQ4-M9XD. Uniqueness is enforced by the outbox, which retries on collision. */
export function newReference(random: RandomSource = cryptoRandom): string {
  const chars = randomChars(8, random);
  return `${REFERENCE_PREFIX}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Accepts what people type back: any case, spaces or missing dashes. Returns the canonical form or null. */
export function normaliseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const match = /^IMHA([A-Z0-9]{4})([A-Z0-9]{4})$/.exec(compact);
  if (!match) return null;
  const candidate = `${REFERENCE_PREFIX}-${match[1]}-${match[2]}`;
  return REFERENCE_PATTERN.test(candidate) ? candidate : null;
}

export const SUBMISSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** A per-render form token: a second submit of the same rendered form returns the first reference. */
export function newSubmissionToken(random: RandomSource = cryptoRandom): string {
  return Buffer.from(random.bytes(24)).toString('base64url');
}
