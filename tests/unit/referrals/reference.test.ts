import { describe, expect, it } from 'vitest';
import {
  newReference,
  newSubmissionToken,
  normaliseReference,
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  SUBMISSION_TOKEN_PATTERN,
} from '../../../src/referrals/reference.ts';
import { scriptedRandom, seededRandom } from './support.ts';

describe('references', () => {
  it('look like IMHA-XXXX-XXXX', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 500; i++) expect(newReference(random)).toMatch(REFERENCE_PATTERN);
  });

  it('use no characters that look alike', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(25);
    for (const c of '0O1IL5S2Z8B') expect(REFERENCE_ALPHABET).not.toContain(c);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
  });

  it('use every character of the alphabet, evenly', () => {
    const counts = new Map<string, number>();
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      for (const c of newReference(random).slice(5).replace('-', '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(25);
    // 16 000 characters over 25 letters: 640 each on average.
    for (const n of counts.values()) expect(n).toBeGreaterThan(500);
  });

  it('throw away bytes that would bias the choice', () => {
    // 250..255 would favour the first 6 characters; they must be skipped, not folded.
    const random = scriptedRandom([new Uint8Array([250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]);
    expect(newReference(random)).toBe(`IMHA-${REFERENCE_ALPHABET.slice(0, 4)}-${REFERENCE_ALPHABET.slice(4, 8)}`);
  });

  it('are read back however people type them', () => {
    expect(normaliseReference('imha 7kq4 m9xd')).toBe('IMHA-7KQ4-M9XD');
    expect(normaliseReference('IMHA7KQ4M9XD')).toBe('IMHA-7KQ4-M9XD');
    expect(normaliseReference(' IMHA-7KQ4-M9XD ')).toBe('IMHA-7KQ4-M9XD');
    expect(normaliseReference('IMHA-7KQ4-M9X0')).toBeNull();
    expect(normaliseReference('IMHA-7KQ4')).toBeNull();
    expect(normaliseReference('<script>')).toBeNull();
  });
});

describe('submission tokens', () => {
  it('are 32 URL-safe characters and differ each time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSubmissionToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(SUBMISSION_TOKEN_PATTERN);
  });
});
