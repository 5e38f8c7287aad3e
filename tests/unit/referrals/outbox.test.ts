import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyring } from '../../../src/referrals/encryption.ts';
import { health } from '../../../src/referrals/health.ts';
import { openOutbox, type AcceptInput, type Outbox } from '../../../src/referrals/outbox.ts';
import { REFERENCE_ALPHABET } from '../../../src/referrals/reference.ts';
import { KEY_B, scriptedRandom, seededRandom, T0, tempDir, testKeyring } from './support.ts';

let temp: ReturnType<typeof tempDir>;
let path: string;
let outbox: Outbox;
const opened: Outbox[] = [];

const open = (options: Partial<Parameters<typeof openOutbox>[0]> = {}) => {
  const o = openOutbox({ path, keyring: testKeyring(), random: seededRandom(), ...options });
  opened.push(o);
  return o;
};

beforeEach(() => {
  temp = tempDir();
  path = join(temp.dir, 'nested', 'outbox.sqlite');
  outbox = open();
});

afterEach(() => {
  for (const o of opened.splice(0)) o.close();
  temp.remove();
});

let tokens = 0;
const input = (overrides: Partial<AcceptInput> = {}): AcceptInput => ({
  kind: 'referral',
  submissionToken: `token-${++tokens}`.padEnd(32, 'x'),
  priority: 'routine',
  personal: '{"v":1,"locale":"en","data":{"patientName":"Zebedee Quillfeather"}}',
  now: T0,
  ...overrides,
});

const MIN = 60_000;

describe('the outbox file', () => {
  it('is created owner-only, in WAL mode with full sync', () => {
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
  });

  it('can be opened again, keeping its rows', () => {
    const { reference } = outbox.accept(input());
    outbox.close();
    expect(open().findConfirmation(reference)).toMatchObject({ reference, kind: 'referral', createdAt: T0 });
  });
});

describe('accepting', () => {
  it('stores the personal data sealed, never in the clear', () => {
    const { reference, duplicate } = outbox.accept(input());
    expect(duplicate).toBe(false);
    const db = new DatabaseSync(path);
    const row = db.prepare('SELECT * FROM outbox WHERE reference = ?').get(reference) as Record<string, unknown>;
    db.close();
    expect(row['state']).toBe('pending');
    expect(Buffer.from(row['sealed'] as Uint8Array).includes(Buffer.from('Zebedee'))).toBe(false);
  });

  it('returns the first reference for a token seen before', () => {
    const first = outbox.accept(input({ submissionToken: 'same'.padEnd(32, '-') }));
    const second = outbox.accept(input({ submissionToken: 'same'.padEnd(32, '-'), personal: '{}' }));
    expect(second).toEqual({ reference: first.reference, duplicate: true });
    expect(outbox.list()).toHaveLength(1);
  });

  it('dedupes across two connections (two processes) too', () => {
    const other = open({ random: seededRandom(99) });
    const a = outbox.accept(input({ submissionToken: 'shared'.padEnd(32, '-') }));
    const b = other.accept(input({ submissionToken: 'shared'.padEnd(32, '-') }));
    expect(b.reference).toBe(a.reference);
  });

  it('picks another reference when one is taken', () => {
    // Both outboxes draw the same first reference; the second must retry with the next.
    const bytes = () => new Uint8Array(16).fill(0);
    const a = open({ random: scriptedRandom([bytes()]) }).accept(input());
    const b = open({ random: scriptedRandom([bytes()]) }).accept(input());
    expect(a.reference).toBe(`IMHA-${REFERENCE_ALPHABET[0]!.repeat(4)}-${REFERENCE_ALPHABET[0]!.repeat(4)}`);
    expect(b.reference).not.toBe(a.reference);
    expect(outbox.list()).toHaveLength(2);
  });

  it('needs a key', () => {
    expect(() => open({ keyring: null }).accept(input())).toThrow(/without an encryption key/);
  });
});

describe('claiming', () => {
  it('hands each due row to one worker at a time, urgent first', () => {
    const routine = outbox.accept(input({ priority: 'routine' }));
    const urgent = outbox.accept(input({ priority: 'urgent', now: T0 + 1 }));
    const first = outbox.claimDue({ owner: 'w-a', now: T0 + MIN, leaseMs: MIN, limit: 1 });
    expect(first.map((r) => r.reference)).toEqual([urgent.reference]);
    expect(first[0]).toMatchObject({ attempts: 1, priority: 'urgent', personal: input().personal });
    const second = outbox.claimDue({ owner: 'w-b', now: T0 + MIN, leaseMs: MIN, limit: 5 });
    expect(second.map((r) => r.reference)).toEqual([routine.reference]);
    expect(outbox.claimDue({ owner: 'w-c', now: T0 + MIN, leaseMs: MIN, limit: 5 })).toEqual([]);
  });

  it('gives a row to another worker once the lease has run out', () => {
    outbox.accept(input());
    const [row] = outbox.claimDue({ owner: 'w-a', now: T0, leaseMs: MIN, limit: 1 });
    expect(outbox.claimDue({ owner: 'w-b', now: T0 + MIN - 1, leaseMs: MIN, limit: 1 })).toEqual([]);
    const [again] = outbox.claimDue({ owner: 'w-b', now: T0 + MIN, leaseMs: MIN, limit: 1 });
    expect(again).toMatchObject({ id: row?.id, attempts: 2 });
    // The first worker no longer holds it, so its late result is not recorded.
    expect(outbox.markDelivered(row!.id, 'w-a', { now: T0 + MIN, messageId: 'x' })).toBe(false);
    expect(outbox.markDelivered(row!.id, 'w-b', { now: T0 + MIN, messageId: 'x' })).toBe(true);
  });

  it('waits for next_attempt_at after a failure', () => {
    outbox.accept(input());
    const [row] = outbox.claimDue({ owner: 'w-a', now: T0, leaseMs: MIN, limit: 1 });
    expect(outbox.markRetry(row!.id, 'w-a', { nextAttemptAt: T0 + 5 * MIN, errorClass: 'server-error', status: 503 })).toBe(true);
    expect(outbox.claimDue({ owner: 'w-a', now: T0 + 5 * MIN - 1, leaseMs: MIN, limit: 1 })).toEqual([]);
    expect(outbox.claimDue({ owner: 'w-a', now: T0 + 5 * MIN, leaseMs: MIN, limit: 1 })).toHaveLength(1);
    expect(outbox.list()[0]).toMatchObject({ lastError: 'server-error', lastStatus: 503, attempts: 2 });
  });

  it('returns null personal data it cannot open', () => {
    outbox.accept(input());
    const stranger = open({ keyring: createKeyring(KEY_B) });
    const [row] = stranger.claimDue({ owner: 'w-a', now: T0, leaseMs: MIN, limit: 1 });
    expect(row?.personal).toBeNull();
  });
});

describe('after delivery', () => {
  it('erases the personal data at once and keeps the rest for the retention period', () => {
    const { reference } = outbox.accept(input());
    const [row] = outbox.claimDue({ owner: 'w-a', now: T0, leaseMs: MIN, limit: 1 });
    outbox.markDelivered(row!.id, 'w-a', { now: T0 + 1000, messageId: 'msg-1' });
    const db = new DatabaseSync(path);
    const stored = db.prepare('SELECT sealed, key_id, message_id, delivered_at FROM outbox WHERE reference = ?').get(reference);
    db.close();
    expect(stored).toEqual({ sealed: null, key_id: null, message_id: 'msg-1', delivered_at: T0 + 1000 });

    const DAY = 86_400_000;
    expect(outbox.sweep({ now: T0 + 30 * DAY, retentionMs: 30 * DAY })).toBe(0);
    expect(outbox.findConfirmation(reference)).not.toBeNull();
    expect(outbox.sweep({ now: T0 + 1000 + 30 * DAY, retentionMs: 30 * DAY })).toBe(1);
    expect(outbox.findConfirmation(reference)).toBeNull();
  });

  it('sweeps neither pending nor stuck rows', () => {
    outbox.accept(input());
    const stuck = outbox.accept(input());
    outbox.claimDue({ owner: 'w-a', now: T0, leaseMs: MIN, limit: 5 });
    const row = outbox.list().find((r) => r.reference === stuck.reference);
    expect(row).toBeDefined();
    const [claimed] = outbox.claimDue({ owner: 'w-b', now: T0 + MIN, leaseMs: MIN, limit: 5 }).filter((r) => r.reference === stuck.reference);
    outbox.markStuck(claimed!.id, 'w-b', { errorClass: 'rejected', status: 422 });
    expect(outbox.sweep({ now: T0 + 1e12, retentionMs: 0 })).toBe(0);
  });
});

describe('operations', () => {
  it('counts pending and stuck rows for the health check', () => {
    expect(health(outbox.stats(), T0)).toEqual({ ok: true, pending: 0, stuck: 0, oldestPendingSeconds: 0 });
    outbox.accept(input());
    expect(health(outbox.stats(), T0 + 90_000)).toEqual({ ok: true, pending: 1, stuck: 0, oldestPendingSeconds: 90 });
    expect(health(outbox.stats(), T0 + 3_601_000).ok).toBe(false);
    const [row] = outbox.claimDue({ owner: 'w-a', now: T0, leaseMs: MIN, limit: 1 });
    outbox.markStuck(row!.id, 'w-a', { errorClass: 'rejected', status: 422 });
    expect(health(outbox.stats(), T0)).toEqual({ ok: false, pending: 0, stuck: 1, oldestPendingSeconds: 0 });
  });

  it('requeues a stuck row with a fresh retry window, or says why not', () => {
    const { reference } = outbox.accept(input());
    const [row] = outbox.claimDue({ owner: 'w-a', now: T0, leaseMs: MIN, limit: 1 });
    outbox.markStuck(row!.id, 'w-a', { errorClass: 'rejected', status: 403 });
    expect(outbox.requeueStuck(T0 + MIN, true)).toEqual([reference]);
    expect(outbox.list()[0]?.state).toBe('stuck');
    expect(outbox.requeue(reference, T0 + 2 * MIN)).toBe('requeued');
    const [again] = outbox.claimDue({ owner: 'w-a', now: T0 + 2 * MIN, leaseMs: MIN, limit: 1 });
    expect(again).toMatchObject({ reference, windowStart: T0 + 2 * MIN, createdAt: T0 });
    outbox.markDelivered(again!.id, 'w-a', { now: T0 + 3 * MIN, messageId: null });
    expect(outbox.requeue(reference, T0)).toBe('delivered');
    expect(outbox.requeue('IMHA-3333-3333', T0)).toBe('not-found');
  });

  it('lists rows without personal data', () => {
    outbox.accept(input());
    const listed = JSON.stringify(outbox.list());
    expect(listed).not.toContain('Zebedee');
    expect(Object.keys(outbox.list()[0] ?? {})).toEqual([
      'reference', 'kind', 'priority', 'state', 'attempts', 'createdAt', 'nextAttemptAt', 'deliveredAt', 'lastError', 'lastStatus',
    ]);
  });
});
