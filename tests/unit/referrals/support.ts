import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../src/referrals/clock.ts';
import { createKeyring, type Keyring } from '../../../src/referrals/encryption.ts';
import type { RandomSource } from '../../../src/referrals/random.ts';
import type { ReceiveInput } from '../../../src/referrals/receive.ts';

/** 2026-11-20 10:00 UK time (GMT), a Friday. */
export const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);
export const TODAY = '2026-11-20';

export function manualClock(start = T0): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** Deterministic bytes (xorshift32) so tests can repeat. */
export function seededRandom(seed = 0x9e3779b9): RandomSource {
  let state = seed >>> 0 || 1;
  return {
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        state ^= state << 13;
        state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5;
        state >>>= 0;
        out[i] = state & 0xff;
      }
      return out;
    },
  };
}

/** Plays the given byte arrays in order, then falls back to `then`. */
export function scriptedRandom(script: Uint8Array[], then: RandomSource = seededRandom()): RandomSource {
  const queue = [...script];
  return { bytes: (length) => queue.shift()?.slice(0, length) ?? then.bytes(length) };
}

export const KEY_A = new Uint8Array(32).fill(7);
export const KEY_B = new Uint8Array(32).fill(9);
export const testKeyring = (): Keyring => createKeyring(KEY_A);

export function tempDir(prefix = 'referrals-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Pairs = [string, string][];

/** A complete referral from a nurse, with names and numbers distinctive enough to search for. */
export function referralPairs(overrides: Record<string, string | string[] | null> = {}): Pairs {
  const base: Record<string, string | string[]> = {
    referrerRole: 'nurse',
    patientName: 'Zebedee Quillfeather',
    location: 'hospital',
    hospitalName: 'St Example Hospital',
    ward: 'Oak Ward',
    contactMethod: 'ward-phone',
    wardPhone: '0113 496 0871',
    leaveMessage: 'yes',
    mhaStatus: 's3',
    helpWith: ['tribunal', 'leave'],
    tribunalDate: '2026-11-27',
    communicationNeeds: ['interpreter'],
    language: 'Polish',
    patientKnows: 'yes',
    patientAgrees: 'yes',
    referrerName: 'Ottoline Brackenbury',
    referrerPhone: '07700 900461',
    message: 'Please visit before the tribunal.',
  };
  const merged: Record<string, string | string[] | null> = { ...base, ...overrides };
  const pairs: Pairs = [];
  for (const [name, value] of Object.entries(merged)) {
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, v]);
  }
  return pairs;
}

export function callbackPairs(overrides: Record<string, string | string[] | null> = {}): Pairs {
  const merged: Record<string, string | string[] | null> = {
    name: 'Perpetua Ironmonger',
    phone: '07700 900777',
    safeTimes: 'Weekday mornings',
    leaveMessage: 'no',
    ...overrides,
  };
  const pairs: Pairs = [];
  for (const [name, value] of Object.entries(merged)) {
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, v]);
  }
  return pairs;
}

export const encode = (pairs: Pairs): string => new URLSearchParams(pairs).toString();

export const SITE = new URL('https://imha.example.org/en/ask-for-an-advocate/');

/** A same-origin browser POST of the given body. */
export function postInput(body: string, overrides: Partial<ReceiveInput> = {}): ReceiveInput {
  return {
    kind: 'referral',
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    contentLength: String(Buffer.byteLength(body)),
    body,
    origin: SITE.origin,
    secFetchSite: 'same-origin',
    requestUrl: SITE,
    ip: '203.0.113.7',
    locale: 'en',
    ...overrides,
  };
}

/** A body as a stream of chunks, like a chunked upload. */
export function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
  });
}
