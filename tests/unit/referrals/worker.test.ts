import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../../../src/referrals/backoff.ts';
import { createKeyring } from '../../../src/referrals/encryption.ts';
import { memoryLogger } from '../../../src/referrals/log.ts';
import type { Mailer, OutgoingEmail, SendResult } from '../../../src/referrals/mailer.ts';
import { openOutbox, type Outbox } from '../../../src/referrals/outbox.ts';
import { createRateLimiter } from '../../../src/referrals/rateLimiter.ts';
import { receiveSubmission } from '../../../src/referrals/receive.ts';
import { createWorker, deliverDue, type DeliveryDeps, type DeliverySettings } from '../../../src/referrals/worker.ts';
import { encode, KEY_B, manualClock, postInput, referralPairs, seededRandom, T0, tempDir, testKeyring } from './support.ts';

const HOUR = 3_600_000;

/** A mailer that answers from a script: one result (or a function) per call. */
function scriptedMailer(script: (email: OutgoingEmail, call: number) => SendResult | Promise<SendResult>): Mailer & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    name: 'resend',
    sent,
    async send(email) {
      sent.push(email);
      return script(email, sent.length);
    },
  };
}

const ok = (id = 'msg'): SendResult => ({ ok: true, messageId: id });
const fail = (status: number | null, retryable: boolean, retryAfterSeconds: number | null = null): SendResult => ({
  ok: false,
  status,
  errorClass: status === null ? 'network' : status === 429 ? 'rate-limited' : status >= 500 ? 'server-error' : 'rejected',
  retryable,
  retryAfterSeconds,
});

let temp: ReturnType<typeof tempDir>;
let outbox: Outbox;
let clock: ReturnType<typeof manualClock>;
let log: ReturnType<typeof memoryLogger>;

const settings: DeliverySettings = {
  from: 'Right to be Heard <referrals@example.org>',
  to: 'intake@provider.example',
  provider: { serviceName: 'Right to be Heard', responseTargetWorkingDays: 5, callbackTargetWorkingDays: 2 },
  leaseMs: 60_000,
  retryPolicy: DEFAULT_RETRY_POLICY,
};

beforeEach(() => {
  temp = tempDir();
  outbox = openOutbox({ path: join(temp.dir, 'outbox.sqlite'), keyring: testKeyring(), random: seededRandom() });
  clock = manualClock();
  log = memoryLogger(clock);
});

afterEach(() => {
  outbox.close();
  temp.remove();
});

async function accept(): Promise<string> {
  const outcome = await receiveSubmission(postInput(encode(referralPairs())), { store: outbox, rateLimiter: createRateLimiter({ limit: 1000 }), clock, log });
  if (outcome.type !== 'accepted') throw new Error(outcome.type);
  return outcome.reference;
}

const deps = (mailer: Mailer): DeliveryDeps => ({ outbox, mailer, clock, log, random: seededRandom(5) });
const events = () => log.lines.map((l) => JSON.parse(l).event as string);

describe('delivering', () => {
  it('sends the rendered email with the reference as idempotency key, then erases the personal data', async () => {
    const reference = await accept();
    const mailer = scriptedMailer(() => ok('resend-id-1'));
    expect(await deliverDue(deps(mailer), settings, { owner: 'w-1' })).toBe(1);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ reference, from: settings.from, to: settings.to });
    expect(mailer.sent[0]?.subject).toContain(reference);
    expect(mailer.sent[0]?.text).toContain('Zebedee Quillfeather');
    expect(outbox.list()[0]).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(outbox.claimDue({ owner: 'w-2', now: clock.now() + HOUR, leaseMs: 1000, limit: 5 })).toEqual([]);
    expect(events()).toEqual(['accepted', 'delivered']);
  });

  it('retries a provider failure later, not sooner than Retry-After', async () => {
    await accept();
    const mailer = scriptedMailer(() => fail(429, true, 600));
    await deliverDue(deps(mailer), settings, { owner: 'w-1' });
    const [row] = outbox.list();
    expect(row).toMatchObject({ state: 'pending', lastError: 'rate-limited', lastStatus: 429 });
    expect(row?.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 600_000);
    clock.advance(599_000);
    expect(await deliverDue(deps(mailer), settings, { owner: 'w-1' })).toBe(0);
    clock.advance(1000);
    expect(await deliverDue(deps(mailer), settings, { owner: 'w-1' })).toBe(1);
  });

  it('keeps trying for about 24 hours, then marks the row stuck', async () => {
    await accept();
    const mailer = scriptedMailer(() => fail(503, true));
    let rounds = 0;
    while (outbox.list()[0]?.state === 'pending') {
      expect(++rounds).toBeLessThan(500);
      clock.set(outbox.list()[0]?.nextAttemptAt ?? clock.now());
      await deliverDue(deps(mailer), settings, { owner: 'w-1' });
    }
    expect(outbox.list()[0]).toMatchObject({ state: 'stuck', lastError: 'server-error', lastStatus: 503 });
    expect(clock.now() - T0).toBe(24 * HOUR);
    expect(mailer.sent.length).toBe(rounds);
    expect(mailer.sent.length).toBeGreaterThan(15);
    expect(events().at(-1)).toBe('stuck');
  });

  it('marks a validation error stuck at once', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      await accept();
      await deliverDue(deps(scriptedMailer(() => fail(status, false))), settings, { owner: 'w-1' });
      expect(outbox.list()[0]).toMatchObject({ state: 'stuck', attempts: 1, lastStatus: status });
    }
  });

  it('marks a row it cannot decrypt stuck, without sending', async () => {
    await accept();
    const stranger = openOutbox({ path: outbox.path, keyring: createKeyring(KEY_B) });
    const mailer = scriptedMailer(() => ok());
    await deliverDue({ ...deps(mailer), outbox: stranger }, settings, { owner: 'w-1' });
    stranger.close();
    expect(mailer.sent).toHaveLength(0);
    expect(outbox.list()[0]).toMatchObject({ state: 'stuck', lastError: 'cannot-decrypt' });
  });

  it('survives a mailer that throws, and retries', async () => {
    await accept();
    await deliverDue(
      deps(
        scriptedMailer(() => {
          throw Object.assign(new Error('boom'), { code: 'EBOOM' });
        }),
      ),
      settings,
      { owner: 'w-1' },
    );
    expect(outbox.list()[0]).toMatchObject({ state: 'pending', lastError: 'internal' });
    expect(JSON.parse(log.lines.find((l) => l.includes('worker-error')) ?? '{}')).toMatchObject({ code: 'EBOOM' });
  });
});

describe('the worker loop', () => {
  it('wakes for new requests and, when stopped, finishes the send in flight', async () => {
    let release: (r: SendResult) => void = () => {};
    let started: () => void = () => {};
    const inFlight = new Promise<void>((r) => {
      started = r;
    });
    const mailer = scriptedMailer(
      () =>
        new Promise<SendResult>((resolve) => {
          release = resolve;
          started();
        }),
    );
    const worker = createWorker(deps(mailer), { ...settings, pollMs: 60_000, retentionMs: 30 * 24 * HOUR, sweepEveryMs: HOUR, keepAlive: false });
    worker.start();
    await accept();
    worker.wake();
    await inFlight;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release(ok('late'));
    await stopping;
    expect(outbox.list()[0]).toMatchObject({ state: 'delivered' });
    expect(events()).toContain('worker-stopped');
  });
});
