/**
 * `npm run bench:referrals`: the cost of taking a form post, in one run, 50 connections, on loopback:
 *   (a) a bare node:http server answering 200 — the ceiling of this machine;
 *   (b) invalid POSTs through receiveSubmission (validation, 400) — goal b/a ≥ 0.5;
 *   (c) valid POSTs through receiveSubmission, each committed to the SQLite outbox (WAL,
 *       synchronous=FULL) before the 303 — goal ≥ 500 requests/s with p99 ≤ 50 ms;
 *   (d) for information, the same valid POSTs through the built Astro site (npm run build first).
 * Not a test: it prints figures and exits 0.
 */
import autocannon from 'autocannon';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { receiveSubmission, responseHeaders, statusFor } from '../../src/referrals/receive.ts';
import { openServices } from '../../src/referrals/services.ts';
import { startBuiltServer } from '../serveBuilt.ts';

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 50;

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function listen(handler: RequestListener): Promise<{ url: string; close: () => void }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function load(name: string, url: string, body?: string, origin?: string): Promise<Result> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    // The load runs in a worker thread, so on two cores the server under test has one to itself.
    workers: 1,
    duration: DURATION,
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin ?? new URL(url).origin } }),
  });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

const validBody = new URLSearchParams({
  name: 'Bench Person',
  phone: '07700 900 123',
  leaveMessage: 'yes',
  safeTimes: 'mornings',
}).toString();
const invalidBody = new URLSearchParams({ name: '', phone: '12', leaveMessage: 'maybe' }).toString();

const dir = mkdtempSync(join(tmpdir(), 'rtbh-bench-'));
const services = openServices({
  // Every request comes from 127.0.0.1: the bench measures the work, not the rate limit.
  env: { VAR_DIR: dir, DELIVERY_WORKER: 'off', RATE_LIMIT_MAX: '10000', RATE_LIMIT_WINDOW_SECONDS: '1' },
  keepAlive: false,
  log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  warn: () => undefined,
});
const deps = services.receiveDeps;

function adapter(req: IncomingMessage, res: ServerResponse): void {
  const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
  requestUrl.host = req.headers.host ?? requestUrl.host;
  void receiveSubmission(
    {
      kind: 'callback',
      method: req.method ?? 'GET',
      contentType: req.headers['content-type'] ?? null,
      contentLength: req.headers['content-length'] ?? null,
      body: req,
      origin: req.headers.origin ?? null,
      requestUrl,
      ip: req.socket.remoteAddress ?? '',
      locale: 'en',
    },
    deps,
  ).then((outcome) => {
    res.writeHead(statusFor(outcome), responseHeaders(outcome));
    res.end(outcome.type === 'accepted' ? outcome.reference : outcome.type);
  });
}

const results: Result[] = [];
const bare = await listen((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
results.push(await load('(a) bare node:http', bare.url));
bare.close();

const domain = await listen(adapter);
results.push(await load('(b) invalid POST → 400', domain.url, invalidBody));
results.push(await load('(c) valid POST → outbox → 303', domain.url, validBody));
domain.close();

try {
  const site = await startBuiltServer(Number(process.env['BENCH_PORT'] ?? 4331), { DELIVERY_WORKER: 'off', RATE_LIMIT_MAX: '10000', RATE_LIMIT_WINDOW_SECONDS: '1' });
  results.push(await load('(d) valid POST, whole Astro site', `${site.base}/en/call-back/`, validBody));
  site.stop();
} catch (error) {
  console.log(`(d) skipped: ${(error as Error).message}`);
}
const stored = services.store.stats();
await services.close();

console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, Node ${process.versions.node}\n`);
console.log(`${'run'.padEnd(36)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(9)}`);
for (const r of results) {
  console.log(`${r.name.padEnd(36)} ${r.rps.toFixed(0).padStart(9)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.non2xx).padStart(9)}`);
}
const [a, b, c] = results;
if (a && b && c) {
  console.log(`\nb/a = ${(b.rps / a.rps).toFixed(2)} (goal ≥ 0.5)   c/a = ${(c.rps / a.rps).toFixed(2)}`);
  console.log(`c: ${c.rps.toFixed(0)} req/s (goal ≥ 500), p99 ${c.p99} ms (goal ≤ 50)`);
}
console.log(`requests committed to the outbox by (c): ${stored.pending}`);
