import { Resend } from 'resend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeResend, type FakeResend } from '../fixtures/fakeResend.ts';

/** The fake must accept and reject what Resend's POST /emails does, or the delivery tests prove little. */

let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(() => fake.close());

const email = { from: 'Right to be Heard <referrals@example.org>', to: 'intake@example.org', subject: 'Hello', text: 'Hi' };

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}/emails`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the fake Resend', () => {
  it('sends a valid email and returns its id', async () => {
    const r = await post(email);
    expect(r.status).toBe(200);
    expect(r.body['id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('needs a bearer API key (401), the right one (403)', async () => {
    const none = await fetch(`${fake.url}/emails`, { method: 'POST', body: JSON.stringify(email) });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header.' });
    expect((await post(email, { authorization: 'Basic abc' })).status).toBe(401);
    expect((await post(email, { authorization: 'Bearer re_wrong' })).body).toMatchObject({ statusCode: 403, name: 'invalid_api_key' });
  });

  it('needs from, to and subject (422)', async () => {
    for (const field of ['from', 'to', 'subject'] as const) {
      const { [field]: _omitted, ...rest } = email;
      const r = await post(rest);
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ statusCode: 422, name: 'missing_required_field' });
    }
  });

  it('takes `to` as a string or 1–50 strings, nothing else (422)', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@example.org`);
    expect((await post({ ...email, to: many(1) })).status).toBe(200);
    expect((await post({ ...email, to: many(50) })).status).toBe(200);
    for (const to of [[], many(51), 42, [42], { a: 1 }]) {
      expect((await post({ ...email, to })).body).toMatchObject({ statusCode: 422, name: 'validation_error' });
    }
  });

  it('checks the types of the other fields and the sender (422)', async () => {
    expect((await post({ ...email, subject: 7 })).status).toBe(422);
    expect((await post({ ...email, html: ['x'] })).status).toBe(422);
    expect((await post({ ...email, from: 'not an address' })).body).toMatchObject({ name: 'invalid_from_address' });
    expect((await post('{not json')).status).toBe(400);
  });

  it('takes an Idempotency-Key of 1 to 256 characters (400 otherwise)', async () => {
    expect((await post(email, { 'idempotency-key': 'k'.repeat(256) })).status).toBe(200);
    expect((await post(email, { 'idempotency-key': 'k'.repeat(257) })).body).toMatchObject({ statusCode: 400, name: 'invalid_idempotency_key' });
  });

  it('answers a repeated key with the first answer, sending once; another payload with the key is 409', async () => {
    const before = fake.sent.length;
    const first = await post(email, { 'idempotency-key': 'IMHA-REPEAT' });
    const second = await post(email, { 'idempotency-key': 'IMHA-REPEAT' });
    expect(second).toEqual(first);
    expect(fake.sent.length).toBe(before + 1);
    const other = await post({ ...email, subject: 'Changed' }, { 'idempotency-key': 'IMHA-REPEAT' });
    expect(other).toEqual({ status: 409, body: expect.objectContaining({ name: 'invalid_idempotent_request' }) });
  });

  it('answers 409 concurrent_idempotent_requests while the first is in progress', async () => {
    fake.enqueue({ type: 'ok', delayMs: 200 });
    const slow = post(email, { 'idempotency-key': 'IMHA-SLOW' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await post(email, { 'idempotency-key': 'IMHA-SLOW' })).body).toMatchObject({ name: 'concurrent_idempotent_requests' });
    expect((await slow).status).toBe(200);
  });

  it('works with the Resend SDK, which reports errors without throwing', async () => {
    const resend = new Resend(fake.apiKey, { baseUrl: fake.url });
    const ok = await resend.emails.send({ ...email, to: [email.to] }, { idempotencyKey: 'IMHA-SDK' });
    expect(ok.error).toBeNull();
    expect(ok.data?.id).toBeTruthy();
    fake.enqueue({ type: 'fail', status: 429, retryAfter: '7' });
    const limited = await resend.emails.send(email);
    expect(limited.error).toMatchObject({ statusCode: 429, name: 'rate_limit_exceeded' });
    expect(limited.headers?.['retry-after']).toBe('7');
    fake.enqueue({ type: 'reset' });
    const reset = await resend.emails.send(email);
    expect(reset.error).toMatchObject({ statusCode: null });
    const unauthorised = await new Resend('re_wrong', { baseUrl: fake.url }).emails.send(email);
    expect(unauthorised.error).toMatchObject({ statusCode: 403, name: 'invalid_api_key' });
  });
});
