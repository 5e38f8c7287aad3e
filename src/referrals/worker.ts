import { decideRetry, type RetryPolicy } from './backoff.ts';
import type { Clock } from './clock.ts';
import { renderEmail, type ProviderFacts } from './email.ts';
import type { Logger } from './log.ts';
import type { Mailer, SendResult } from './mailer.ts';
import type { Claimed, Outbox } from './outbox.ts';
import { readPersonal } from './personal.ts';
import { randomFraction, type RandomSource } from './random.ts';

/**
 * Delivery: claim one due row at a time with a lease, send it, record the result. One row per claim
 * keeps the lease honest (it only has to cover one send), and volumes are small.
 * Safe to run in several processes on one outbox file: a row is sent by whoever holds its lease,
 * and if a sender dies mid-send the lease runs out and another resends with the same idempotency
 * key, which the mail provider answers without sending again.
 */

export interface DeliveryDeps {
  outbox: Outbox;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  random: RandomSource;
}

export interface DeliverySettings {
  from: string;
  to: string;
  provider: ProviderFacts;
  /** Longer than the send timeout, so a live sender never loses its row. */
  leaseMs: number;
  retryPolicy: RetryPolicy;
}

export function newWorkerId(random: RandomSource): string {
  return `w-${process.pid}-${Buffer.from(random.bytes(3)).toString('hex')}`;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

async function attempt(row: Claimed, deps: DeliveryDeps, settings: DeliverySettings): Promise<SendResult> {
  const opened = row.personal === null ? null : readPersonal(row.kind, row.personal);
  if (opened === null) return { ok: false, status: null, errorClass: 'cannot-decrypt', retryable: false, retryAfterSeconds: null };
  const email = renderEmail({ reference: row.reference, createdAt: row.createdAt, ...opened }, settings.provider);
  return deps.mailer.send({ ...email, from: settings.from, to: settings.to, reference: row.reference });
}

function record(row: Claimed, result: SendResult, owner: string, deps: DeliveryDeps, settings: DeliverySettings, startedAt: number) {
  const { outbox, clock, log } = deps;
  const now = clock.now();
  const base = { reference: row.reference, kind: row.kind, attempt: row.attempts, worker: owner };
  if (result.ok) {
    if (outbox.markDelivered(row.id, owner, { now, messageId: result.messageId })) {
      log.info('delivered', { ...base, priority: row.priority, ms: Math.max(0, now - startedAt) });
    } else {
      log.warn('lease-lost', base);
    }
    return;
  }
  const failure = { ...base, status: result.status, errorClass: result.errorClass };
  const decision = result.retryable
    ? decideRetry(
        { attempt: row.attempts, windowStart: row.windowStart, now, retryAfterSeconds: result.retryAfterSeconds, jitter: randomFraction(deps.random) },
        settings.retryPolicy,
      )
    : ({ type: 'stuck' } as const);
  const marked =
    decision.type === 'retry'
      ? outbox.markRetry(row.id, owner, { nextAttemptAt: decision.at, errorClass: result.errorClass, status: result.status })
      : outbox.markStuck(row.id, owner, { errorClass: result.errorClass, status: result.status });
  if (!marked) log.warn('lease-lost', base);
  else if (decision.type === 'retry') log.warn('retry', { ...failure, ms: decision.delayMs });
  else log.error('stuck', failure);
}

/**
 * Sends what is due, one row at a time, until nothing is due or `shouldStop` says so.
 * Returns how many rows it tried.
 */
export async function deliverDue(
  deps: DeliveryDeps,
  settings: DeliverySettings,
  options: { owner: string; shouldStop?: () => boolean; maxRows?: number },
): Promise<number> {
  const { outbox, clock, log } = deps;
  const maxRows = options.maxRows ?? 100;
  let tried = 0;
  while (tried < maxRows && !(options.shouldStop?.() ?? false)) {
    const [row] = outbox.claimDue({ owner: options.owner, now: clock.now(), leaseMs: settings.leaseMs, limit: 1 });
    if (!row) break;
    tried++;
    const startedAt = clock.now();
    let result: SendResult;
    try {
      result = await attempt(row, deps, settings);
    } catch (error) {
      log.error('worker-error', { reference: row.reference, errorClass: 'internal', code: errorCode(error) });
      result = { ok: false, status: null, errorClass: 'internal', retryable: true, retryAfterSeconds: null };
    }
    record(row, result, options.owner, deps, settings, startedAt);
  }
  return tried;
}

export interface WorkerSettings extends DeliverySettings {
  /** How often to look for due rows when nothing wakes the worker. */
  pollMs: number;
  /** How long delivered rows' non-personal records are kept. */
  retentionMs: number;
  sweepEveryMs: number;
  /** Keep the process alive while waiting (the stand-alone worker); off inside the web server. */
  keepAlive: boolean;
}

export interface Worker {
  readonly id: string;
  start(): void;
  /** Asks for a pass now, e.g. right after a request was accepted. */
  wake(): void;
  /** Finishes the send in flight, starts no other, and resolves when idle. */
  stop(): Promise<void>;
}

export function createWorker(deps: DeliveryDeps, settings: WorkerSettings): Worker {
  const id = newWorkerId(deps.random);
  let running = false;
  let woken = false;
  let interrupt: (() => void) | null = null;
  let loop: Promise<void> = Promise.resolve();
  let nextSweep = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (!settings.keepAlive) timer.unref();
      interrupt = done;
    });

  const sweep = () => {
    const now = deps.clock.now();
    if (now < nextSweep) return;
    nextSweep = now + settings.sweepEveryMs;
    const count = deps.outbox.sweep({ now, retentionMs: settings.retentionMs });
    if (count > 0) deps.log.info('swept', { count, worker: id });
  };

  const run = async () => {
    deps.log.info('worker-started', { worker: id });
    while (running) {
      woken = false;
      let tried = 0;
      try {
        sweep();
        tried = await deliverDue(deps, settings, { owner: id, shouldStop: () => !running });
      } catch (error) {
        deps.log.error('worker-error', { worker: id, errorClass: 'internal', code: errorCode(error) });
      }
      if (running && !woken && tried === 0) await sleep(settings.pollMs);
    }
    deps.log.info('worker-stopped', { worker: id });
  };

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      woken = true;
      interrupt?.();
    },
    async stop() {
      running = false;
      interrupt?.();
      await loop;
    },
  };
}
