import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../src/referrals/log.ts';
import { openOutbox, type Outbox } from '../../../src/referrals/outbox.ts';
import { normaliseUkPhone } from '../../../src/referrals/phone.ts';
import { createRateLimiter } from '../../../src/referrals/rateLimiter.ts';
import { MAX_BODY_BYTES } from '../../../src/referrals/readBody.ts';
import { receiveSubmission, type Outcome, type ReceiveDeps } from '../../../src/referrals/receive.ts';
import { CALLBACK_FIELDS, HONEYPOT_FIELD, MESSAGE_KEYS, REFERRAL_FIELDS } from '../../../src/referrals/schema.ts';
import { encode, manualClock, postInput, referralPairs, SITE, streamOf, tempDir, testKeyring } from './support.ts';

let temp: ReturnType<typeof tempDir>;
let store: Outbox;
let deps: ReceiveDeps;

beforeAll(() => {
  temp = tempDir();
  store = openOutbox({ path: join(temp.dir, 'outbox.sqlite'), keyring: testKeyring() });
  const clock = manualClock();
  deps = { store, rateLimiter: createRateLimiter({ limit: 1_000_000 }), clock, log: memoryLogger(clock) };
});

afterAll(() => {
  store.close();
  temp.remove();
});

const ALL_FIELDS = [...new Set<string>([...REFERRAL_FIELDS, ...CALLBACK_FIELDS, HONEYPOT_FIELD])];
const STATUSES = [400, 403, 405, 413, 415, 429, 503];

function expectWellFormed(outcome: Outcome) {
  if (outcome.type === 'rejected') expect(STATUSES).toContain(outcome.status);
  else if (outcome.type === 'invalid') {
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const e of outcome.errors) {
      expect(MESSAGE_KEYS).toContain(e.key);
      expect(ALL_FIELDS).toContain(e.field);
    }
  } else expect(outcome.type).toBe('accepted');
}

/** Text with everything people and bots send: any Unicode, lone surrogates, controls, markup, long runs. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom('\u0000', '\r\n', '\u202e', '\ud800', '%', '%zz', '%E0%A4%A', '+', '&', '=', '<script>', '\uFEFF', 'ａ'.repeat(120)),
  fc.string({ unit: fc.constantFrom('a', '\u0000', '\n', '%', '&', '=', '\u0085', '😀', '\u200d'), maxLength: 300 }),
);

describe('receiveSubmission, whatever arrives', () => {
  it('never throws and only ever rejects, asks again or accepts (random raw bodies and headers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.constantFrom('referral' as const, 'callback' as const),
          method: fc.constantFrom('POST', 'post', 'GET', 'PUT', ''),
          contentType: fc.option(fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/json', 'application/x-www-form-urlencoded; charset=utf-8', ''), { nil: null }),
          contentLength: fc.option(fc.oneof(fc.nat().map(String), fc.constantFrom('-1', 'abc', '1e9', '', ' 12 ')), { nil: null }),
          origin: fc.option(fc.constantFrom(SITE.origin, 'null', 'https://evil.example', ''), { nil: null }),
          secFetchSite: fc.option(fc.constantFrom('same-origin', 'cross-site', 'none'), { nil: null }),
          body: fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 0, maxLength: 2000 })),
          chunked: fc.boolean(),
          locale: nasty,
          ip: nasty,
        }),
        async (r) => {
          const body = r.chunked ? streamOf([r.body.slice(0, 7), r.body.slice(7)]) : r.body;
          const outcome = await receiveSubmission(postInput('', { ...r, body }), deps);
          expectWellFormed(outcome);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on any mix of known field names and hostile values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('referral' as const, 'callback' as const),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...ALL_FIELDS), nasty), nasty), { maxLength: 60 }),
        async (kind, pairs) => {
          const outcome = await receiveSubmission(postInput(encode(pairs), { kind }), deps);
          expectWellFormed(outcome);
          if (outcome.type === 'invalid') {
            for (const value of Object.values(outcome.values)) {
              for (const v of [value].flat()) expect(v).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts valid referrals whatever the name, storing it cleaned', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (name, message) => {
        const outcome = await receiveSubmission(postInput(encode(referralPairs({ patientName: name, message }))), deps);
        expectWellFormed(outcome);
        const nameIsReal = /[\p{L}\p{N}]/u.test(name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')) && name.length <= 100;
        if (nameIsReal && message.length <= 1000) expect(outcome.type).toBe('accepted');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses every body over 32 KB, whatever Content-Length says', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 4 }),
        fc.option(fc.nat({ max: MAX_BODY_BYTES * 8 }).map(String), { nil: null }),
        fc.integer({ min: 1, max: 9000 }),
        async (size, contentLength, chunkSize) => {
          const text = 'patientName=' + 'z'.repeat(size - 12);
          const chunks: string[] = [];
          for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
          const outcome = await receiveSubmission(postInput('', { contentLength, body: streamOf(chunks) }), deps);
          expect(outcome).toMatchObject({ type: 'rejected', status: 413 });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('UK phone numbers in any common format', () => {
  it('come out in one canonical form, and that form is stable', () => {
    const mobile = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999_999 })).map(([a, b]) => ({
      digits: `7${String(a).padStart(4, '0')}${String(b).padStart(6, '0')}`.slice(0, 10),
    }));
    const style = fc.constantFrom(
      (d: string) => `0${d}`,
      (d: string) => `0${d.slice(0, 4)} ${d.slice(4)}`,
      (d: string) => `+44 ${d}`,
      (d: string) => `+44 (0)${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`,
      (d: string) => `0044-${d.slice(0, 4)}-${d.slice(4)}`,
      (d: string) => ` (0${d.slice(0, 4)}) ${d.slice(4)} `,
    );
    fc.assert(
      fc.property(mobile, style, ({ digits }, format) => {
        const canonical = `0${digits.slice(0, 4)} ${digits.slice(4)}`;
        expect(normaliseUkPhone(format(digits))).toBe(canonical);
        expect(normaliseUkPhone(canonical)).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });

  it('never throw and never accept a foreign country code', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const n = normaliseUkPhone(s);
        if (n !== null) expect(n).toMatch(/^0[1-9][0-9 ]{8,11}$/);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 998 }), fc.stringMatching(/^[0-9]{9,10}$/), (code, rest) => {
        // Spacing is ignored, so "+4 4113…" is the UK's +44 113…; only other digit strings are foreign.
        fc.pre(!`${code}${rest}`.startsWith('44'));
        expect(normaliseUkPhone(`+${code} ${rest}`)).toBeNull();
      }),
    );
  });
});
