import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../src/referrals/log.ts';
import { openOutbox, type Outbox } from '../../../src/referrals/outbox.ts';
import { createRateLimiter } from '../../../src/referrals/rateLimiter.ts';
import { MAX_BODY_BYTES } from '../../../src/referrals/readBody.ts';
import { receiveSubmission, responseHeaders, statusFor, type Outcome, type ReceiveDeps, type ReceiveInput } from '../../../src/referrals/receive.ts';
import { REFERENCE_PATTERN } from '../../../src/referrals/reference.ts';
import { HONEYPOT_FIELD, MESSAGES } from '../../../src/referrals/schema.ts';
import { callbackPairs, encode, manualClock, postInput, referralPairs, seededRandom, SITE, streamOf, tempDir, testKeyring } from './support.ts';

let temp: ReturnType<typeof tempDir>;
let store: Outbox;
let deps: ReceiveDeps & { log: ReturnType<typeof memoryLogger> };
let woken = 0;
const clock = manualClock();

beforeEach(() => {
  temp = tempDir();
  store = openOutbox({ path: join(temp.dir, 'outbox.sqlite'), keyring: testKeyring() });
  woken = 0;
  deps = {
    store,
    rateLimiter: createRateLimiter(),
    clock,
    log: memoryLogger(clock),
    random: seededRandom(),
    onAccepted: () => {
      woken++;
    },
  };
});

afterEach(() => {
  store.close();
  temp.remove();
});

const receive = (input: ReceiveInput) => receiveSubmission(input, deps);
const body = (overrides: Parameters<typeof referralPairs>[0] = {}) => encode(referralPairs(overrides));
const rejected = (outcome: Outcome) => (outcome.type === 'rejected' ? [outcome.status, outcome.reason] : outcome.type);

describe('accepting', () => {
  it('stores a valid referral and answers with its reference', async () => {
    const outcome = await receive(postInput(body(), { locale: 'pl' }));
    expect(outcome.type).toBe('accepted');
    if (outcome.type !== 'accepted') return;
    expect(outcome.reference).toMatch(REFERENCE_PATTERN);
    expect(store.stats().pending).toBe(1);
    expect(woken).toBe(1);
    const [row] = store.claimDue({ owner: 'w-test', now: clock.now(), leaseMs: 1000, limit: 5 });
    expect(row?.reference).toBe(outcome.reference);
    expect(row?.priority).toBe('urgent');
    expect(JSON.parse(row?.personal ?? '{}')).toMatchObject({ v: 1, locale: 'pl', data: { patientName: 'Zebedee Quillfeather' } });
    expect(statusFor(outcome)).toBe(303);
  });

  it('stores a call-back request', async () => {
    const outcome = await receive(postInput(encode(callbackPairs()), { kind: 'callback' }));
    expect(outcome.type).toBe('accepted');
    expect(store.list()[0]).toMatchObject({ kind: 'callback', priority: 'routine' });
  });

  it('gives the same reference for the same form sent twice, and stores it once', async () => {
    const token = 'T'.repeat(32);
    const first = await receive(postInput(encode([...referralPairs(), ['submissionToken', token]])));
    const again = await receive(postInput(encode([...referralPairs({ message: 'changed my mind' }), ['submissionToken', token]])));
    expect(again).toEqual(first);
    expect(store.list()).toHaveLength(1);
    expect(woken).toBe(1);
    expect(deps.log.lines.map((l) => JSON.parse(l).event)).toEqual(['accepted', 'duplicate']);
  });

  it('treats forms without a token as different requests', async () => {
    await receive(postInput(body()));
    await receive(postInput(body()));
    expect(store.list()).toHaveLength(2);
  });

  it('records a locale it does not recognise as undetermined', async () => {
    await receive(postInput(body(), { locale: '<script>' }));
    const [row] = store.claimDue({ owner: 'w-test', now: clock.now(), leaseMs: 1000, limit: 1 });
    expect(JSON.parse(row?.personal ?? '{}').locale).toBe('und');
  });
});

describe('invalid input', () => {
  it('comes back with errors in form order and the values typed', async () => {
    const outcome = await receive(postInput(body({ patientName: '', wardPhone: '12' })));
    expect(outcome).toEqual({
      type: 'invalid',
      errors: [
        { field: 'patientName', key: MESSAGES.patientName.required },
        { field: 'wardPhone', key: MESSAGES.wardPhone.invalid },
      ],
      values: expect.objectContaining({ patientName: '', wardPhone: '12', helpWith: ['tribunal', 'leave'] }),
    });
    expect(statusFor(outcome)).toBe(400);
    expect(store.list()).toHaveLength(0);
  });

  it('survives malformed encoding, NUL and control characters', async () => {
    for (const raw of ['%', '%zz=%E0%A4%A', 'patientName=%00%01%02&referrerRole=%FF%FE', '&&&==&=', 'a'.repeat(1000), '\u0000\u0001=\u0002']) {
      const outcome = await receive(postInput(raw));
      expect(outcome.type).toBe('invalid');
    }
  });
});

describe('rejecting', () => {
  it('answers 405 to anything but POST', async () => {
    expect(rejected(await receive(postInput(body(), { method: 'GET' })))).toEqual([405, 'method']);
    expect(responseHeaders({ type: 'rejected', status: 405, reason: 'method' })).toMatchObject({ Allow: 'POST' });
  });

  describe('cross-origin posts', () => {
    it('are refused', async () => {
      expect(rejected(await receive(postInput(body(), { origin: 'https://evil.example' })))).toEqual([403, 'cross-origin']);
      expect(rejected(await receive(postInput(body(), { origin: 'http://imha.example.org' })))).toEqual([403, 'cross-origin']);
      expect(rejected(await receive(postInput(body(), { origin: `${SITE.origin}.evil.example` })))).toEqual([403, 'cross-origin']);
    });

    it('without an Origin header are refused unless the browser says same-origin', async () => {
      expect(rejected(await receive(postInput(body(), { origin: null, secFetchSite: null })))).toEqual([403, 'cross-origin']);
      expect(rejected(await receive(postInput(body(), { origin: null, secFetchSite: 'cross-site' })))).toEqual([403, 'cross-origin']);
      expect(rejected(await receive(postInput(body(), { origin: 'null', secFetchSite: 'same-site' })))).toEqual([403, 'cross-origin']);
      expect((await receive(postInput(body(), { origin: null, secFetchSite: 'same-origin' }))).type).toBe('accepted');
      expect((await receive(postInput(body(), { origin: 'null', secFetchSite: 'same-origin' }))).type).toBe('accepted');
    });

    it('from an origin the site is also served at are accepted', async () => {
      deps.allowedOrigins = ['https://imha.example.net'];
      expect((await receive(postInput(body(), { origin: 'https://imha.example.net' }))).type).toBe('accepted');
    });
  });

  it('answers 415 to anything but a urlencoded form', async () => {
    for (const contentType of [null, 'text/plain', 'multipart/form-data; boundary=x', 'application/json', 'application/x-www-form-urlencoded; charset=iso-8859-1', 'application/x-www-form-urlencodedx']) {
      expect(rejected(await receive(postInput(body(), { contentType })))).toEqual([415, 'content-type']);
    }
    expect((await receive(postInput(body(), { contentType: 'Application/X-WWW-Form-Urlencoded; Charset=UTF-8' }))).type).toBe('accepted');
  });

  describe('bodies over 32 KB', () => {
    const big = 'message=' + 'x'.repeat(MAX_BODY_BYTES);

    it('are refused on Content-Length without reading', async () => {
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(c) {
            pulled++;
            c.close();
          },
        },
        { highWaterMark: 0 },
      );
      expect(rejected(await receive(postInput('', { contentLength: String(MAX_BODY_BYTES + 1), body: stream })))).toEqual([413, 'too-large']);
      expect(pulled).toBe(0);
    });

    it('are refused when Content-Length lies', async () => {
      expect(rejected(await receive(postInput(big, { contentLength: '10' })))).toEqual([413, 'too-large']);
      const chunks = Array.from({ length: 40 }, () => 'x'.repeat(1024));
      expect(rejected(await receive(postInput('', { contentLength: '10', body: streamOf(chunks) })))).toEqual([413, 'too-large']);
    });

    it('are refused when chunked with no Content-Length, reading no more than needed', async () => {
      let pulled = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(c) {
          pulled++;
          c.enqueue(new Uint8Array(4096).fill(0x61));
        },
      });
      expect(rejected(await receive(postInput('', { contentLength: null, body: endless })))).toEqual([413, 'too-large']);
      expect(pulled).toBeLessThanOrEqual(10);
    });

    it('while exactly 32 KB is read', async () => {
      const padded = body({ message: 'ok' }) + '&pad=' + 'p'.repeat(MAX_BODY_BYTES - body({ message: 'ok' }).length - 5);
      expect(padded.length).toBe(MAX_BODY_BYTES);
      expect((await receive(postInput(padded, { contentLength: null, body: streamOf([padded.slice(0, 9000), padded.slice(9000)]) }))).type).toBe('accepted');
    });
  });

  it('answers 413 to thousands of fields', async () => {
    expect(rejected(await receive(postInput('a=1&'.repeat(1000))))).toEqual([413, 'too-many-fields']);
  });

  it('answers 400 when the body cannot be read', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(c) {
        c.error(new Error('connection reset'));
      },
    });
    expect(rejected(await receive(postInput('', { body: broken })))).toEqual([400, 'unreadable']);
  });

  it('answers 503 when the outbox cannot take the request, and keeps nothing', async () => {
    store.close();
    expect(rejected(await receive(postInput(body())))).toEqual([503, 'unavailable']);
  });
});

describe('the rate limit', () => {
  it('allows 5 accepted requests per address per 10 minutes, then 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await receive(postInput(body()))).type).toBe('accepted');
      clock.advance(1000);
    }
    const outcome = await receive(postInput(body()));
    expect(outcome).toEqual({ type: 'rejected', status: 429, reason: 'rate-limited', retryAfterSeconds: 595 });
    expect(responseHeaders(outcome)).toEqual({ 'Cache-Control': 'no-store', 'Retry-After': '595' });
    expect((await receive(postInput(body(), { ip: '198.51.100.1' }))).type).toBe('accepted');
    clock.advance(595_000);
    expect((await receive(postInput(body()))).type).toBe('accepted');
  });

  it('does not count mistakes or repeats of the same form', async () => {
    for (let i = 0; i < 10; i++) expect((await receive(postInput(body({ patientName: '' })))).type).toBe('invalid');
    const token = 'R'.repeat(32);
    for (let i = 0; i < 10; i++) expect((await receive(postInput(encode([...referralPairs(), ['submissionToken', token]])))).type).toBe('accepted');
    expect(store.list()).toHaveLength(1);
  });
});

describe('the honeypot', () => {
  it('looks like success to a bot, stores nothing and logs "honeypot"', async () => {
    const outcome = await receive(postInput(encode([...referralPairs(), [HONEYPOT_FIELD, 'http://spam.example']])));
    expect(outcome.type).toBe('accepted');
    if (outcome.type === 'accepted') expect(outcome.reference).toMatch(REFERENCE_PATTERN);
    expect(store.list()).toHaveLength(0);
    expect(woken).toBe(0);
    expect(JSON.parse(deps.log.lines.at(-1) ?? '{}')).toMatchObject({ event: 'honeypot', kind: 'referral' });
  });

  it('left empty (or blank) changes nothing', async () => {
    expect((await receive(postInput(encode([...referralPairs(), [HONEYPOT_FIELD, ' ']]))))).toMatchObject({ type: 'accepted' });
    expect(store.list()).toHaveLength(1);
  });
});

describe('every response', () => {
  it('says Cache-Control: no-store', () => {
    const outcomes: Outcome[] = [
      { type: 'accepted', reference: 'IMHA-7KQ4-M9XD' },
      { type: 'invalid', errors: [], values: {} },
      { type: 'rejected', status: 403, reason: 'cross-origin' },
    ];
    for (const o of outcomes) expect(responseHeaders(o)['Cache-Control']).toBe('no-store');
  });
});
