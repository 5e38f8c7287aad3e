import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { cryptoRandom, type RandomSource } from './random.ts';

/**
 * AES-256-GCM for the personal data in the outbox. The reference is the additional authenticated
 * data, so a ciphertext copied onto another row does not open. Each row records the id of the key
 * that sealed it, so the key can be rotated while older rows are still waiting.
 */

export interface Key {
  id: string;
  bytes: Uint8Array;
}

export interface Keyring {
  /** Seals new data. */
  current: Key;
  /** Opens data; includes the current key and any previous ones still needed. */
  byId: ReadonlyMap<string, Key>;
}

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const KEY_HELP =
  'Make one with:\n' +
  `  node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"\n` +
  'and keep it secret, and keep a copy: without it, requests not yet delivered cannot be read.';

/** 32 bytes given as base64 (with or without padding, or base64url) or as 64 hex digits. */
export function parseKey(text: string, name = 'REFERRAL_ENCRYPTION_KEY'): Uint8Array {
  const t = text.trim();
  let bytes: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(t)) bytes = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) bytes = Buffer.from(t, 'base64');
  if (bytes?.length !== 32) {
    // Never echo the value: it may be a real key with a typo.
    throw new Error(`${name} must be 32 random bytes written as base64 (44 characters) or hex (64 characters). ${KEY_HELP}`);
  }
  return new Uint8Array(bytes);
}

/** A short fingerprint naming the key; it reveals nothing useful about a 256-bit random key. */
export function keyId(bytes: Uint8Array): string {
  return `k1-${createHash('sha256').update('imha-outbox-key').update(bytes).digest('hex').slice(0, 12)}`;
}

export function createKeyring(current: Uint8Array, previous: readonly Uint8Array[] = []): Keyring {
  const key = (bytes: Uint8Array): Key => ({ id: keyId(bytes), bytes });
  const byId = new Map<string, Key>();
  for (const k of [key(current), ...previous.map(key)]) byId.set(k.id, k);
  return { current: key(current), byId };
}

export interface Sealed {
  keyId: string;
  /** format byte, IV, tag, ciphertext */
  blob: Uint8Array;
}

export function seal(keyring: Keyring, plaintext: string, aad: string, random: RandomSource = cryptoRandom): Sealed {
  const iv = random.bytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.bytes, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const blob = Buffer.concat([Buffer.of(FORMAT), iv, cipher.getAuthTag(), body]);
  return { keyId: keyring.current.id, blob: new Uint8Array(blob) };
}

export class CannotDecrypt extends Error {
  override name = 'CannotDecrypt';
}

/** Throws CannotDecrypt when the key is unknown or the data, its reference or its tag were changed. */
export function open(keyring: Keyring, sealed: Sealed, aad: string): string {
  const key = keyring.byId.get(sealed.keyId);
  if (!key) throw new CannotDecrypt(`no key with id ${sealed.keyId} (was it rotated out too early?)`);
  const blob = Buffer.from(sealed.blob);
  if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== FORMAT) throw new CannotDecrypt('unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, blob.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new CannotDecrypt('authentication failed');
  }
}
