import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyring, KEY_HELP, parseKey, type Keyring } from './encryption.ts';
import { cryptoRandom, type RandomSource } from './random.ts';

export interface KeySource {
  /** REFERRAL_ENCRYPTION_KEY */
  key: string | undefined;
  /** REFERRAL_ENCRYPTION_OLD_KEYS: comma-separated keys still needed to open older rows after a rotation. */
  oldKeys: string | undefined;
  production: boolean;
  /** Where the development key is kept. */
  varDir: string;
  warn: (message: string) => void;
  random?: RandomSource;
}

export const DEV_KEY_FILE = 'encryption.key';

/**
 * The key from the environment; in production nothing else will do. In development a key is made
 * once and kept in var/encryption.key (mode 0600), so `npm start` works with no configuration.
 */
export function loadKeyring(source: KeySource): Keyring {
  const previous = (source.oldKeys ?? '')
    .split(',')
    .filter((k) => k.trim() !== '')
    .map((k) => parseKey(k, 'REFERRAL_ENCRYPTION_OLD_KEYS'));
  if (source.key !== undefined && source.key.trim() !== '') return createKeyring(parseKey(source.key), previous);
  if (source.production) {
    throw new Error(
      'REFERRAL_ENCRYPTION_KEY is not set. With NODE_ENV=production the server will not start without it, ' +
        'because referrals are stored encrypted until they are delivered. ' +
        KEY_HELP +
        '\nThen set REFERRAL_ENCRYPTION_KEY to it in the server environment.',
    );
  }
  return createKeyring(devKey(source), previous);
}

function devKey({ varDir, warn, random = cryptoRandom }: KeySource): Uint8Array {
  const file = join(varDir, DEV_KEY_FILE);
  mkdirSync(varDir, { recursive: true, mode: 0o700 });
  // Written aside and linked into place, so a process starting at the same moment never reads half a key.
  const draft = `${file}.${process.pid}.${Buffer.from(random.bytes(6)).toString('hex')}`;
  writeFileSync(draft, `${Buffer.from(random.bytes(32)).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
    warn(
      `\n*** WARNING: REFERRAL_ENCRYPTION_KEY is not set, so a development key was generated in ${file}.\n` +
        '*** Fine for trying the site on this machine. In production set NODE_ENV=production and a real key.\n',
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    warn(`WARNING: REFERRAL_ENCRYPTION_KEY is not set; using the development key in ${file}.\n`);
  } finally {
    unlinkSync(draft);
  }
  return parseKey(readFileSync(file, 'utf8'), file);
}
