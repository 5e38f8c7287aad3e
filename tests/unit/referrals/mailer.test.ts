import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { devSinkMailer, quotedPrintable } from '../../../src/referrals/devSink.ts';
import { memoryLogger } from '../../../src/referrals/log.ts';
import { classify } from '../../../src/referrals/mailer.ts';
import { manualClock, tempDir } from './support.ts';

describe('classifying provider errors', () => {
  it('retries what may pass and stops on what will fail again', () => {
    expect(classify(null, 'application_error')).toEqual({ errorClass: 'network', retryable: true });
    expect(classify(429, 'rate_limit_exceeded')).toEqual({ errorClass: 'rate-limited', retryable: true });
    expect(classify(500, 'internal_server_error')).toEqual({ errorClass: 'server-error', retryable: true });
    expect(classify(503, undefined)).toEqual({ errorClass: 'server-error', retryable: true });
    expect(classify(409, 'concurrent_idempotent_requests')).toEqual({ errorClass: 'idempotency-busy', retryable: true });
    expect(classify(409, 'invalid_idempotent_request')).toEqual({ errorClass: 'idempotency-conflict', retryable: false });
    for (const s of [400, 401, 403, 404, 405, 422]) expect(classify(s, 'validation_error')).toEqual({ errorClass: 'rejected', retryable: false });
  });
});

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('the development mail sink', () => {
  let temp = tempDir();
  afterEach(() => {
    temp.remove();
    temp = tempDir();
  });

  it('encodes quoted-printable that decodes back, with short lines', () => {
    const text = `${'é'.repeat(60)} = ${'x'.repeat(200)} \nعائشہ\n  trailing  `;
    const encoded = quotedPrintable(text);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(decodeQuotedPrintable(encoded).replace(/\r\n/g, '\n')).toBe(text);
  });

  it('writes one .eml per reference and logs "1 email written"', async () => {
    const log = memoryLogger();
    const mailer = devSinkMailer({ dir: join(temp.dir, 'mail'), clock: manualClock(), log });
    const email = { from: 'A <a@example.org>', to: 'b@example.org', subject: 'New IMHA referral IMHA-7KQ4-M9XD — priority: routine', text: 'Hello', html: '<p>Hello</p>', reference: 'IMHA-7KQ4-M9XD' };
    expect(await mailer.send(email)).toEqual({ ok: true, messageId: 'dev-sink-IMHA-7KQ4-M9XD' });
    expect(await mailer.send(email)).toEqual({ ok: true, messageId: 'dev-sink-IMHA-7KQ4-M9XD' });
    const eml = readFileSync(join(temp.dir, 'mail', 'IMHA-7KQ4-M9XD.eml'), 'utf8');
    expect(eml).toMatch(/^From: A <a@example.org>\r\nTo: b@example.org\r\nSubject: =\?UTF-8\?B\?/);
    expect(eml).toContain('Content-Type: multipart/alternative');
    expect(JSON.parse(log.lines[0] ?? '')).toMatchObject({ event: 'email-written', msg: '1 email written', count: 1 });
  });

  it('reports a failure to write as retryable', async () => {
    // A file where the directory should be: the write fails with ENOTDIR.
    writeFileSync(join(temp.dir, 'file'), '');
    const mailer = devSinkMailer({ dir: join(temp.dir, 'file', 'mail'), clock: manualClock(), log: memoryLogger() });
    const result = await mailer.send({ from: 'a@example.org', to: 'b@example.org', subject: 's', text: 't', html: 'h', reference: 'IMHA-7KQ4-M9XD' });
    expect(result).toMatchObject({ ok: false, errorClass: 'sink-failed', retryable: true });
  });
});
