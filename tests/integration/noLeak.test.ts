import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/referrals/log.ts';
import { openServices, type Services } from '../../src/referrals/services.ts';
import { startFakeResend, type FakeResend } from '../fixtures/fakeResend.ts';
import { callbackPairs, referralPairs, tempDir } from '../unit/referrals/support.ts';
import { eventually, PROCESS_KEY, postForm, startIngress } from './support.ts';

/**
 * Personal data must not be readable in the outbox files (database, WAL, shared memory) or in the
 * logs — not before delivery (it is sealed) and not after (it is erased). The search looks for each
 * value in every encoding it could plausibly have been written in.
 */

const NEEDLES = {
  patientName: 'Zebedee Quillfeather',
  polishName: 'Łucja Wróblewska',
  urduName: 'عائشہ خان',
  referrerName: 'Ottoline Brackenbury',
  callerName: 'Perpetua Ironmonger',
  mobile: '07700 900461',
  callerPhone: '07700 900777',
  wardPhone: '0113 496 0871',
  email: 'zebedee.q@example.org',
  message: 'The tribunal papers are in my locker',
};

/** Every phone number also as bare digits and in +44 form. */
function variants(value: string): string[] {
  const out = [value, value.toLowerCase(), value.toUpperCase()];
  if (/^[\d ]+$/.test(value)) {
    const digits = value.replace(/ /g, '');
    out.push(digits, `+44${digits.slice(1)}`, `44${digits.slice(1)}`, digits.slice(1));
  }
  return out;
}

function encodings(text: string): Buffer[] {
  const utf8 = Buffer.from(text, 'utf8');
  const out = [
    utf8,
    Buffer.from(text, 'utf16le'),
    Buffer.from(text, 'utf16le').swap16(),
    Buffer.from(utf8.toString('hex')),
    Buffer.from(utf8.toString('hex').toUpperCase()),
    Buffer.from(encodeURIComponent(text)),
    Buffer.from(new URLSearchParams({ v: text }).toString().slice(2)),
    Buffer.from(JSON.stringify(text).slice(1, -1)),
    Buffer.from(JSON.stringify(text).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
  ];
  if (/^[\x00-\xff]*$/.test(text)) out.push(Buffer.from(text, 'latin1'));
  // Base64 at each of the three byte alignments, without the edge groups that mix in other bytes.
  for (const shift of [0, 1, 2]) {
    for (const alphabet of ['base64', 'base64url'] as const) {
      const encoded = Buffer.concat([Buffer.alloc(shift), utf8]).toString(alphabet);
      const inner = encoded.slice(shift === 0 ? 0 : 4, -4);
      if (inner.length >= 8) out.push(Buffer.from(inner));
    }
  }
  return out;
}

const PATTERNS = Object.values(NEEDLES).flatMap(variants).flatMap((v) => encodings(v).map((bytes) => ({ v, bytes })));

function findIn(buffer: Buffer): string[] {
  return PATTERNS.filter(({ bytes }) => buffer.includes(bytes)).map(({ v, bytes }) => `${v} as ${JSON.stringify(bytes.toString('latin1').slice(0, 40))}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let temp: ReturnType<typeof tempDir>;
let fake: FakeResend;
let services: Services;
let log: ReturnType<typeof memoryLogger>;
let ingress: Awaited<ReturnType<typeof startIngress>>;

beforeEach(async () => {
  temp = tempDir();
  fake = await startFakeResend();
  log = memoryLogger();
  services = openServices({
    env: {
      OUTBOX_DB: join(temp.dir, 'data', 'outbox.sqlite'),
      VAR_DIR: join(temp.dir, 'var'),
      REFERRAL_ENCRYPTION_KEY: PROCESS_KEY,
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
      MAIL_FROM: 'Right to be Heard <referrals@example.org>',
      DELIVERY_POLL_MS: '20',
    },
    keepAlive: false,
    log,
    warn: () => {},
  });
  ingress = await startIngress(services.receiveDeps);
});

afterEach(async () => {
  await ingress.close();
  await services.close();
  await fake.close();
  temp.remove();
});

function leaksOnDisk(): string[] {
  return filesUnder(temp.dir).flatMap((file) => findIn(readFileSync(file)).map((hit) => `${file}: ${hit}`));
}

describe('no personal data at rest or in logs', () => {
  it('before delivery, after delivery and after the database is closed', async () => {
    const N = NEEDLES;
    const forms = [
      ['/referral', referralPairs({ patientName: N.patientName, referrerPhone: N.mobile, wardPhone: N.wardPhone, message: N.message, patientEmail: N.email })],
      ['/referral', referralPairs({ patientName: N.polishName, referrerName: N.referrerName, referrerPhone: '+44 7700 900461' })],
      ['/referral', referralPairs({ referrerRole: 'self', patientName: N.urduName, contactMethod: 'own-phone', patientPhone: '07700900461' })],
      ['/callback', callbackPairs({ name: N.callerName, phone: N.callerPhone })],
    ] as const;
    for (const [path, pairs] of forms) expect((await postForm(ingress.url, path, [...pairs])).status).toBe(303);
    expect(services.store.stats().pending).toBe(4);
    // The WAL holds the new pages at this point: it is part of the search.
    expect(filesUnder(temp.dir).some((f) => f.endsWith('-wal'))).toBe(true);
    expect(leaksOnDisk()).toEqual([]);

    services.worker.start();
    await eventually(() => services.store.stats().pending === 0, 10_000, 'delivery');
    // The search would have found the values: the provider's copy has them.
    const delivered = Buffer.from(JSON.stringify(fake.sent.map((s) => s.payload)));
    expect(findIn(delivered).length).toBeGreaterThan(0);
    expect(services.store.list().every((r) => r.state === 'delivered')).toBe(true);
    expect(leaksOnDisk()).toEqual([]);

    await services.close();
    expect(leaksOnDisk()).toEqual([]);
    expect(findIn(Buffer.from(log.lines.join('\n')))).toEqual([]);
    expect(log.lines.map((l) => JSON.parse(l).event)).toEqual(expect.arrayContaining(['accepted', 'delivered']));
  });
});
