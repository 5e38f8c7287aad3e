import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOutboxCommand } from '../../../src/referrals/cli/outbox.ts';
import { openOutbox, type Outbox } from '../../../src/referrals/outbox.ts';
import { T0, tempDir, testKeyring } from './support.ts';

let temp: ReturnType<typeof tempDir>;
let outbox: Outbox;
let out: string[];
const run = (...args: string[]) => runOutboxCommand(args, outbox, T0 + 60_000, (line) => out.push(line));

beforeEach(() => {
  temp = tempDir();
  outbox = openOutbox({ path: join(temp.dir, 'o.sqlite'), keyring: testKeyring() });
  out = [];
});

afterEach(() => {
  outbox.close();
  temp.remove();
});

function acceptAndFail(status: number): string {
  const { reference } = outbox.accept({ kind: 'callback', submissionToken: `t${status}`.padEnd(32, 'x'), priority: 'routine', personal: '{"name":"Perpetua Ironmonger"}', now: T0 });
  const [row] = outbox.claimDue({ owner: 'w-cli', now: T0, leaseMs: 1000, limit: 1 });
  outbox.markStuck(row!.id, 'w-cli', { errorClass: 'rejected', status });
  return reference;
}

describe('npm run outbox', () => {
  it('lists rows with states and error classes, never personal data', () => {
    expect(run('list')).toBe(0);
    expect(out).toEqual(['The outbox is empty.']);
    const reference = acceptAndFail(422);
    out = [];
    run('list');
    const [header, line] = (out[0] ?? '').split('\n');
    expect(header).toMatch(/^REFERENCE\s+KIND\s+STATE\s+PRIORITY\s+ATTEMPTS\s+CREATED\s+NEXT ATTEMPT\s+LAST ERROR$/);
    expect(line).toMatch(new RegExp(`^${reference}\\s+callback\\s+stuck\\s+routine\\s+1\\s+2026-11-20T10:00:00Z\\s+-\\s+rejected \\(422\\)$`));
    expect(out.join('\n')).not.toContain('Perpetua');
  });

  it('retries one reference, however it is typed', () => {
    const reference = acceptAndFail(403);
    expect(run('retry', reference.toLowerCase().replaceAll('-', ' '))).toBe(0);
    expect(out).toEqual([`${reference} will be sent again now.`]);
    expect(outbox.list()[0]).toMatchObject({ state: 'pending', nextAttemptAt: T0 + 60_000 });
    expect(run('retry', 'IMHA-3333-3333')).toBe(1);
    expect(run('retry', 'nonsense')).toBe(2);
  });

  it('retries every stuck row, with a dry run first', () => {
    const a = acceptAndFail(401);
    const b = acceptAndFail(404);
    expect(run('retry-stuck', '--dry-run')).toBe(0);
    expect(out).toEqual([`Would send again (2):\n${a}\n${b}`]);
    expect(outbox.stats().stuck).toBe(2);
    out = [];
    run('retry-stuck');
    expect(out).toEqual([`Will send again now (2):\n${a}\n${b}`]);
    expect(outbox.stats()).toMatchObject({ stuck: 0, pending: 2 });
  });

  it('prints usage for anything else', () => {
    expect(run()).toBe(2);
    expect(run('retry-stuck', '--force')).toBe(2);
    expect(out.every((o) => o.startsWith('Usage:'))).toBe(true);
  });
});
