import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assertRuntimeReady, closeRuntime, findConfirmation, getRuntime, healthz, receive } from '../../../src/referrals/runtime.ts';
import { encode, postInput, referralPairs, tempDir } from './support.ts';

/** The server's runtime with no configuration at all, as after `npm start` on a fresh checkout. */

let temp: ReturnType<typeof tempDir>;
const saved = { ...process.env };

beforeEach(() => {
  temp = tempDir();
  for (const name of Object.keys(process.env)) {
    if (/^(RESEND_|REFERRAL_|MAIL_FROM|OUTBOX_DB|DELIVERY_|NODE_ENV|VAR_DIR)/.test(name)) delete process.env[name];
  }
  process.env['VAR_DIR'] = join(temp.dir, 'var');
  process.env['DELIVERY_POLL_MS'] = '20';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  await closeRuntime();
  vi.restoreAllMocks();
  process.env = { ...saved };
  temp.remove();
});

describe('the runtime with no configuration', () => {
  it('starts, accepts, writes the email to var/mail and reports health', async () => {
    await assertRuntimeReady();
    expect(process.stderr.write).toHaveBeenCalledWith(expect.stringContaining('WARNING: REFERRAL_ENCRYPTION_KEY is not set'));
    const outcome = await receive(postInput(encode(referralPairs())));
    expect(outcome.type).toBe('accepted');
    if (outcome.type !== 'accepted') return;
    const mailDir = join(temp.dir, 'var', 'mail');
    await vi.waitFor(() => expect(readdirSync(mailDir)).toEqual([`${outcome.reference}.eml`]), { timeout: 5000 });
    expect(readFileSync(join(mailDir, `${outcome.reference}.eml`), 'utf8')).toContain('Zebedee Quillfeather');
    expect(process.stdout.write).toHaveBeenCalledWith(expect.stringContaining('"msg":"1 email written"'));
    await vi.waitFor(async () => expect(await healthz()).toEqual({ ok: true, pending: 0, stuck: 0, oldestPendingSeconds: 0 }));
    expect(await findConfirmation(outcome.reference.toLowerCase())).toMatchObject({ reference: outcome.reference, kind: 'referral' });
    expect(await findConfirmation('IMHA-3333-3333')).toBeNull();
    expect(await findConfirmation('nonsense')).toBeNull();
  });

  it('is one instance, opened once', async () => {
    expect(await getRuntime()).toBe(await getRuntime());
  });

  it('refuses to start in production without a key, and tries again on the next call', async () => {
    process.env['NODE_ENV'] = 'production';
    await expect(assertRuntimeReady()).rejects.toThrow(/REFERRAL_ENCRYPTION_KEY is not set/);
    process.env['REFERRAL_ENCRYPTION_KEY'] = Buffer.alloc(32, 1).toString('base64');
    await expect(assertRuntimeReady()).resolves.toBeUndefined();
  });
});
