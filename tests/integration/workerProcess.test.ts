import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/referrals/clock.ts';
import { createKeyring, parseKey } from '../../src/referrals/encryption.ts';
import { memoryLogger } from '../../src/referrals/log.ts';
import { openOutbox, type Outbox } from '../../src/referrals/outbox.ts';
import { createRateLimiter } from '../../src/referrals/rateLimiter.ts';
import { receiveSubmission } from '../../src/referrals/receive.ts';
import { startFakeResend, type FakeResend } from '../fixtures/fakeResend.ts';
import { encode, postInput, referralPairs, tempDir } from '../unit/referrals/support.ts';
import { eventually, PROCESS_KEY, startWorkerProcess, type WorkerProcess } from './support.ts';

/**
 * The stand-alone worker (`node src/referrals/cli/worker.ts`) as a real process: killed with SIGKILL
 * in the middle of a send it loses nothing and sends nothing twice; several run side by side; SIGTERM
 * lets the send in flight finish.
 */

let temp: ReturnType<typeof tempDir>;
let fake: FakeResend;
let outbox: Outbox;
const processes: WorkerProcess[] = [];

beforeEach(async () => {
  temp = tempDir();
  fake = await startFakeResend();
  outbox = openOutbox({ path: join(temp.dir, 'outbox.sqlite'), keyring: createKeyring(parseKey(PROCESS_KEY)) });
});

afterEach(async () => {
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  outbox.close();
  await fake.close();
  temp.remove();
});

function worker(extra: Record<string, string> = {}): WorkerProcess {
  const p = startWorkerProcess({
    OUTBOX_DB: join(temp.dir, 'outbox.sqlite'),
    VAR_DIR: join(temp.dir, 'var'),
    REFERRAL_ENCRYPTION_KEY: PROCESS_KEY,
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    MAIL_FROM: 'Right to be Heard <referrals@example.org>',
    REFERRAL_TO: 'intake@provider.example',
    NODE_ENV: 'production',
    DELIVERY_TIMEOUT_MS: '2000',
    DELIVERY_LEASE_MS: '2500',
    DELIVERY_POLL_MS: '50',
    ...extra,
  });
  processes.push(p);
  return p;
}

async function accept(count: number): Promise<string[]> {
  const log = memoryLogger();
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await receiveSubmission(postInput(encode(referralPairs({ patientName: `Process Patient ${i}` }))), {
      store: outbox,
      rateLimiter: createRateLimiter({ limit: 1000 }),
      clock: systemClock,
      log,
    });
    if (outcome.type !== 'accepted') throw new Error(JSON.stringify(outcome));
    refs.push(outcome.reference);
  }
  return refs;
}

const delivered = () => outbox.list().filter((r) => r.state === 'delivered').length;
const events = (p: WorkerProcess) => p.lines.map((l) => JSON.parse(l) as Record<string, unknown>);

function expectOneEmailPerReference(references: string[]) {
  const keys = fake.sent.map((s) => s.idempotencyKey);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.sort()).toEqual([...references].sort());
}

describe('the worker process', () => {
  it('killed with SIGKILL mid-send loses nothing and sends nothing twice', async () => {
    const references = await accept(4);
    // The provider takes the first email, then the answer never comes back.
    fake.enqueue({ type: 'hang' });
    const first = worker();
    await eventually(() => fake.requests.some((r) => r.status === 'hang'), 10_000, 'the hanging send');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(outbox.stats().pending).toBe(4);

    const second = worker();
    await eventually(() => delivered() === 4, 15_000, 'all four delivered');
    expectOneEmailPerReference(references);
    // The email that was sent before the kill was asked for again and answered from Resend's idempotency record.
    const hungKey = fake.requests.find((r) => r.status === 'hang')?.idempotencyKey;
    expect(fake.requests.filter((r) => r.idempotencyKey === hungKey).map((r) => r.status)).toEqual(['hang', 200]);
    expect(outbox.list().find((r) => r.reference === hungKey)).toMatchObject({ state: 'delivered', attempts: 2 });

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(events(second).at(-1)).toMatchObject({ event: 'worker-stopped' });
    for (const p of [first, second]) expect([...p.lines, ...p.stderr].join('\n')).not.toMatch(/Process Patient|Ottoline|07700|0113/);
  });

  it('runs as several processes on one outbox, each email sent once', async () => {
    const references = await accept(24);
    const workers = [worker(), worker(), worker()];
    await eventually(() => delivered() === 24, 20_000, 'all delivered');
    expectOneEmailPerReference(references);
    const byWorker = workers.map((w) => events(w).filter((e) => e['event'] === 'delivered').length);
    expect(byWorker.reduce((a, b) => a + b, 0)).toBe(24);
    for (const w of workers) w.child.kill('SIGTERM');
    for (const w of workers) expect((await w.exited).code).toBe(0);
  });

  it('on SIGTERM finishes the send in flight before exiting', async () => {
    const [reference] = await accept(1);
    fake.enqueue({ type: 'ok', delayMs: 700 });
    const w = worker();
    // Claiming counts the attempt; from then on the send is under way and takes 700 ms.
    await eventually(() => outbox.list()[0]?.attempts === 1, 10_000, 'the send to start');
    w.child.kill('SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(outbox.list()[0]).toMatchObject({ reference, state: 'delivered', attempts: 1 });
    expect(fake.sent).toHaveLength(1);
  });

  it('refuses to start in production without an encryption key, saying how to make one', async () => {
    const w = worker({ REFERRAL_ENCRYPTION_KEY: '' });
    expect((await w.exited).code).toBe(1);
    expect(w.stderr.join('')).toMatch(/REFERRAL_ENCRYPTION_KEY is not set[\s\S]*randomBytes\(32\)/);
  });

  it('refuses to start in production with Resend but no MAIL_FROM', async () => {
    const w = worker({ MAIL_FROM: '' });
    expect((await w.exited).code).toBe(1);
    expect(w.stderr.join('')).toMatch(/MAIL_FROM must be set in production/);
  });
});
