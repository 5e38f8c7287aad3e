import { randomBytes } from 'node:crypto';

/** Source of random bytes. Injected so tests can force collisions and fixed jitter. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

export const cryptoRandom: RandomSource = { bytes: (length) => new Uint8Array(randomBytes(length)) };

/** A uniform number in [0, 1) with 48 bits of precision. */
export function randomFraction(random: RandomSource): number {
  const b = random.bytes(6);
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + (b[i] ?? 0);
  return n / 2 ** 48;
}
