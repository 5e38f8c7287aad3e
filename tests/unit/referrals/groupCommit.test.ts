import { afterEach, describe, expect, it } from 'vitest';
import { groupCommitter } from '../../../src/referrals/groupCommit.ts';
import { openOutbox, type AcceptInput, type Outbox } from '../../../src/referrals/outbox.ts';
import { T0, tempDir, testKeyring } from './support.ts';

const request = (token: string): AcceptInput => ({
  kind: 'callback',
  submissionToken: token.padEnd(32, 'x'),
  priority: 'routine',
  personal: JSON.stringify({ name: `Person ${token}` }),
  now: T0,
});

describe('group commit', () => {
  const dir = tempDir('group-commit-');
  let store: Outbox | undefined;
  afterEach(() => store?.close());

  it('stores requests that arrive together in one transaction, each with its own reference', async () => {
    store = openOutbox({ path: `${dir.dir}/a.sqlite`, keyring: testKeyring() });
    const calls: number[] = [];
    const accept = groupCommitter({ acceptMany: (inputs) => (calls.push(inputs.length), store!.acceptMany(inputs)) });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((token) => accept(request(token))));
    expect(calls).toEqual([4]);
    expect(new Set(results.map((r) => r.reference)).size).toBe(4);
    expect(store.stats().pending).toBe(4);
  });

  it('gives a request sent twice in the same batch one reference and stores it once', async () => {
    store = openOutbox({ path: `${dir.dir}/b.sqlite`, keyring: testKeyring() });
    const accept = groupCommitter(store);
    const [first, second] = await Promise.all([accept(request('same')), accept(request('same'))]);
    expect(second?.reference).toBe(first?.reference);
    expect(second?.duplicate).toBe(true);
    expect(store.stats().pending).toBe(1);
  });

  it('tells every caller in a batch when the write fails, and stores none of them', async () => {
    store = openOutbox({ path: `${dir.dir}/c.sqlite`, keyring: testKeyring() });
    const accept = groupCommitter({
      acceptMany: () => {
        throw new Error('disk full');
      },
    });
    const results = await Promise.allSettled([accept(request('e')), accept(request('f'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(store.stats().pending).toBe(0);
  });
});
