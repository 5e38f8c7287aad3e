import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CannotDecrypt, createKeyring, keyId, open, parseKey, seal } from '../../../src/referrals/encryption.ts';
import { DEV_KEY_FILE, loadKeyring } from '../../../src/referrals/encryptionKey.ts';
import { KEY_A, KEY_B, seededRandom, tempDir } from './support.ts';

const REF = 'IMHA-7KQ4-M9XD';
const SECRET = '{"patientName":"Zebedee Quillfeather","phone":"07700 900461"}';

describe('sealing personal data', () => {
  const keyring = createKeyring(KEY_A);

  it('opens what it sealed', () => {
    const sealed = seal(keyring, SECRET, REF);
    expect(open(keyring, sealed, REF)).toBe(SECRET);
    expect(sealed.keyId).toBe(keyId(KEY_A));
  });

  it('does not contain the plain text, and differs each time (fresh IV)', () => {
    const a = seal(keyring, SECRET, REF);
    const b = seal(keyring, SECRET, REF);
    expect(Buffer.from(a.blob).includes(Buffer.from('Zebedee'))).toBe(false);
    expect(Buffer.from(a.blob).equals(Buffer.from(b.blob))).toBe(false);
  });

  it('detects any change to the data, the tag or the IV', () => {
    const sealed = seal(keyring, SECRET, REF);
    for (const index of [1, 13, 20, 29, sealed.blob.length - 1]) {
      const tampered = new Uint8Array(sealed.blob);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(() => open(keyring, { ...sealed, blob: tampered }, REF), `byte ${index}`).toThrow(CannotDecrypt);
    }
    expect(() => open(keyring, { ...sealed, blob: sealed.blob.slice(0, 20) }, REF)).toThrow(CannotDecrypt);
  });

  it('binds the data to its reference', () => {
    const sealed = seal(keyring, SECRET, REF);
    expect(() => open(keyring, sealed, 'IMHA-7KQ4-M9XE')).toThrow(CannotDecrypt);
  });

  it('needs the right key', () => {
    const sealed = seal(keyring, SECRET, REF);
    expect(() => open(createKeyring(KEY_B), sealed, REF)).toThrow(/no key with id/);
    expect(() => open(createKeyring(KEY_B), { ...sealed, keyId: keyId(KEY_B) }, REF)).toThrow(CannotDecrypt);
  });

  it('opens older rows after a rotation while the old key is kept', () => {
    const old = seal(createKeyring(KEY_A), SECRET, REF);
    const rotated = createKeyring(KEY_B, [KEY_A]);
    expect(open(rotated, old, REF)).toBe(SECRET);
    expect(seal(rotated, SECRET, REF).keyId).toBe(keyId(KEY_B));
  });
});

describe('reading a key', () => {
  it('accepts base64 (padded or not, url-safe) and hex', () => {
    const bytes = new Uint8Array(32).map((_, i) => i * 7);
    const b64 = Buffer.from(bytes).toString('base64');
    expect(parseKey(b64)).toEqual(bytes);
    expect(parseKey(b64.replace(/=$/, ''))).toEqual(bytes);
    expect(parseKey(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    expect(parseKey(` ${Buffer.from(bytes).toString('hex')}\n`)).toEqual(bytes);
  });

  it('rejects anything else, explains how to make one, and does not echo the value', () => {
    for (const bad of ['', 'hunter2hunter2', Buffer.alloc(16).toString('base64'), 'z'.repeat(64), Buffer.alloc(33).toString('hex')]) {
      let message = '';
      try {
        parseKey(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/32 random bytes/);
      expect(message).toContain("randomBytes(32).toString('base64')");
      if (bad.length > 3) expect(message).not.toContain(bad);
    }
  });
});

describe('loading the key ring', () => {
  let temp = tempDir();
  afterEach(() => {
    temp.remove();
    temp = tempDir();
  });

  it('uses REFERRAL_ENCRYPTION_KEY when set, in any environment', () => {
    const warnings: string[] = [];
    const key = Buffer.from(KEY_B).toString('base64');
    const ring = loadKeyring({ key, oldKeys: Buffer.from(KEY_A).toString('hex'), production: true, varDir: temp.dir, warn: (m) => warnings.push(m) });
    expect(ring.current.id).toBe(keyId(KEY_B));
    expect([...ring.byId.keys()].sort()).toEqual([keyId(KEY_A), keyId(KEY_B)].sort());
    expect(warnings).toEqual([]);
  });

  it('refuses to start in production without a key, and says how to make one', () => {
    expect(() => loadKeyring({ key: undefined, oldKeys: undefined, production: true, varDir: temp.dir, warn: () => {} })).toThrow(
      /REFERRAL_ENCRYPTION_KEY is not set[\s\S]*NODE_ENV=production[\s\S]*randomBytes\(32\)/,
    );
  });

  it('makes a development key once, owner-only, with a loud warning', () => {
    const warnings: string[] = [];
    const source = { key: undefined, oldKeys: undefined, production: false, varDir: join(temp.dir, 'var'), warn: (m: string) => warnings.push(m), random: seededRandom(1) };
    const first = loadKeyring(source);
    const file = join(temp.dir, 'var', DEV_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseKey(readFileSync(file, 'utf8'))).toEqual(first.current.bytes);
    expect(warnings[0]).toMatch(/WARNING[\s\S]*generated/);
    const second = loadKeyring({ ...source, random: seededRandom(2) });
    expect(second.current.id).toBe(first.current.id);
    expect(warnings[1]).toMatch(/using the development key/);
  });

  it('never replaces a development key that exists, whoever made it first', () => {
    const varDir = join(temp.dir, 'var');
    const rings = Array.from({ length: 5 }, (_, i) =>
      loadKeyring({ key: undefined, oldKeys: undefined, production: false, varDir, warn: () => {}, random: seededRandom(i + 10) }),
    );
    expect(new Set(rings.map((r) => r.current.id)).size).toBe(1);
  });
});
