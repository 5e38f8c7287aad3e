import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../src/referrals/backoff.ts';
import { runOutboxCommand } from '../../src/referrals/cli/outbox.ts';
import { systemClock } from '../../src/referrals/clock.ts';
import { health } from '../../src/referrals/health.ts';
import { memoryLogger } from '../../src/referrals/log.ts';
import { resendMailer } from '../../src/referrals/mailer.ts';
import { openOutbox, type Outbox } from '../../src/referrals/outbox.ts';
import { createRateLimiter } from '../../src/referrals/rateLimiter.ts';
import type { ReceiveDeps } from '../../src/referrals/receive.ts';
import { deliverDue, type DeliverySettings } from '../../src/referrals/worker.ts';
import { startFakeResend, type Behaviour, type FakeResend } from '../fixtures/fakeResend.ts';
import { callbackPairs, referralPairs, seededRandom, tempDir, testKeyring, type Pairs } from '../unit/referrals/support.ts';
import { eventually, postForm, startIngress } from './support.ts';

/**
 * Real HTTP on both sides: forms posted to a small server that calls receiveSubmission, and
 * delivery through the Resend SDK to the fake Resend. Retries are fast (milliseconds), the send
 * timeout short, so the whole file runs in a few seconds.
 */

const FAST: RetryPolicy = { baseMs: 5, capMs: 40, minMs: 1, windowMs: 60 * 60_000 };
const TIMEOUT_MS = 250;

let temp: ReturnType<typeof tempDir>;
let fake: FakeResend;
let outbox: Outbox;
let log: ReturnType<typeof memoryLogger>;
let ingress: Awaited<ReturnType<typeof startIngress>>;
const handles: Outbox[] = [];

const settings: DeliverySettings = {
  from: 'Right to be Heard <referrals@example.org>',
  to: 'intake@provider.example',
  provider: { serviceName: 'Right to be Heard', responseTargetWorkingDays: 5, callbackTargetWorkingDays: 2 },
  leaseMs: TIMEOUT_MS * 4,
  retryPolicy: FAST,
};

function openHandle(): Outbox {
  const handle = openOutbox({ path: join(temp.dir, 'outbox.sqlite'), keyring: testKeyring() });
  handles.push(handle);
  return handle;
}

beforeEach(async () => {
  temp = tempDir();
  fake = await startFakeResend();
  outbox = openHandle();
  log = memoryLogger();
  const deps: ReceiveDeps = { store: outbox, rateLimiter: createRateLimiter({ limit: 10_000 }), clock: systemClock, log };
  ingress = await startIngress(deps);
});

afterEach(async () => {
  await ingress.close();
  await fake.close();
  for (const h of handles.splice(0)) h.close();
  temp.remove();
});

const mailer = () => resendMailer({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: TIMEOUT_MS, clock: systemClock });

/** Runs delivery passes on the given handles in parallel until nothing is pending. */
async function deliverAll(workers: Outbox[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(
    workers.map(async (handle, i) => {
      const deps = { outbox: handle, mailer: mailer(), clock: systemClock, log, random: seededRandom(i + 1) };
      while (handle.stats().pending > 0) {
        if (Date.now() > deadline) throw new Error(`still pending: ${JSON.stringify(handle.list())}`);
        const tried = await deliverDue(deps, settings, { owner: `w-test-${i}` });
        if (tried === 0) await new Promise((r) => setTimeout(r, 5));
      }
    }),
  );
}

async function submit(count: number): Promise<string[]> {
  const references: string[] = [];
  for (let i = 0; i < count; i++) {
    const token: Pairs = [['submissionToken', `tok${i}`.padEnd(32, '_')]];
    const pairs = i % 3 === 2 ? callbackPairs({ name: `Caller ${i}` }) : referralPairs({ patientName: `Patient ${i}` });
    const path = i % 3 === 2 ? '/callback' : '/referral';
    const first = await postForm(ingress.url, path, [...pairs, ...token]);
    expect(first.status).toBe(303);
    // Every third form is submitted twice, as after a double click.
    if (i % 3 === 0) expect((await postForm(ingress.url, path, [...pairs, ...token])).body).toEqual(first.body);
    references.push(String(first.body['reference']));
  }
  return references;
}

function expectDeliveredExactlyOnce(references: string[]) {
  const keys = fake.sent.map((s) => s.idempotencyKey);
  expect(keys.sort()).toEqual([...references].sort());
  const db = new DatabaseSync(join(temp.dir, 'outbox.sqlite'), { readOnly: true });
  const rows = db.prepare('SELECT reference, state, message_id, sealed FROM outbox').all() as Record<string, unknown>[];
  db.close();
  expect(rows).toHaveLength(references.length);
  const idByKey = new Map(fake.sent.map((s) => [s.idempotencyKey, s.id]));
  for (const row of rows) {
    expect(row['state']).toBe('delivered');
    expect(row['sealed']).toBeNull();
    expect(row['message_id']).toBe(idByKey.get(row['reference'] as string));
  }
  // Every retry sent exactly the same request, so the provider never saw a conflicting payload.
  expect(fake.requests.filter((r) => r.status === 409)).toEqual([]);
}

describe('delivery over HTTP', () => {
  it('delivers every accepted request exactly once through 500s, 429s, resets and lost answers', async () => {
    const references = await submit(12);
    expect(outbox.stats().pending).toBe(12);
    const failures: Behaviour[] = [
      { type: 'fail', status: 500 },
      { type: 'fail', status: 429, retryAfter: '0' },
      { type: 'reset' },
      { type: 'hang' },
      { type: 'fail', status: 503 },
      { type: 'stall' },
      { type: 'fail', status: 502 },
    ];
    fake.enqueue(...failures);
    await deliverAll([outbox]);
    expectDeliveredExactlyOnce(references);
    const events = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const retries = events.filter((e) => e['event'] === 'retry').map((e) => String(e['errorClass']));
    const count = (errorClass: string) => retries.filter((r) => r === errorClass).length;
    // At least the scripted failures (a slow machine may add timeouts of its own).
    expect(count('server-error')).toBe(3);
    expect(count('rate-limited')).toBe(1);
    expect(count('network')).toBe(1);
    expect(count('timeout')).toBeGreaterThanOrEqual(2);
    expect(health(outbox.stats(), Date.now())).toEqual({ ok: true, pending: 0, stuck: 0, oldestPendingSeconds: 0 });
  });

  it('delivers each exactly once with several workers on one database, failures at random', async () => {
    const references = await submit(30);
    const random = seededRandom(1234);
    fake.setBehaviour(() => {
      const roll = random.bytes(1)[0] ?? 0;
      if (roll < 40) return { type: 'fail', status: 500 };
      if (roll < 60) return { type: 'fail', status: 429, retryAfter: '0' };
      if (roll < 75) return { type: 'reset' };
      if (roll < 85) return { type: 'hang' };
      return { type: 'ok' };
    });
    await deliverAll([outbox, openHandle(), openHandle(), openHandle()]);
    expectDeliveredExactlyOnce(references);
  });

  it('stops at once on a validation error, reports it, and sends after an operator retry', async () => {
    const [reference = ''] = await submit(1);
    fake.enqueue({ type: 'fail', status: 422, name: 'validation_error' });
    await deliverAll([outbox]);
    expect(outbox.list()[0]).toMatchObject({ reference, state: 'stuck', lastError: 'rejected', lastStatus: 422, attempts: 1 });
    expect(health(outbox.stats(), Date.now())).toMatchObject({ ok: false, stuck: 1 });
    expect(fake.sent).toHaveLength(0);

    const printed: string[] = [];
    expect(runOutboxCommand(['retry-stuck'], outbox, Date.now(), (l) => printed.push(l))).toBe(0);
    expect(printed.join('\n')).toContain(reference);
    await deliverAll([outbox]);
    expectDeliveredExactlyOnce([reference]);
  });

  it('does not resend after the provider answered, even when the worker process restarts', async () => {
    const references = await submit(3);
    await deliverAll([outbox]);
    await eventually(() => fake.sent.length === 3, 2000, 'three emails');
    // A new worker on a fresh handle finds nothing to do.
    const fresh = openHandle();
    expect(await deliverDue({ outbox: fresh, mailer: mailer(), clock: systemClock, log, random: seededRandom() }, settings, { owner: 'w-late' })).toBe(0);
    expectDeliveredExactlyOnce(references);
  });
});
