import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { receiveSubmission, responseHeaders, statusFor, type ReceiveDeps } from '../../src/referrals/receive.ts';
import type { Pairs } from '../unit/referrals/support.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const NODE = join(ROOT, 'node_modules', '.bin', 'node');
export const WORKER_CLI = join(ROOT, 'src', 'referrals', 'cli', 'worker.ts');
/** A fixed 32-byte key for worker processes (base64). */
export const PROCESS_KEY = Buffer.alloc(32, 3).toString('base64');

/**
 * A minimal web server doing what the Astro route does: hand the raw request to receiveSubmission
 * and answer with its status and headers. POST /referral and /callback.
 */
export async function startIngress(deps: ReceiveDeps): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : null;
    };
    receiveSubmission(
      {
        kind: url.pathname === '/callback' ? 'callback' : 'referral',
        method: req.method ?? '',
        contentType: header('content-type'),
        contentLength: header('content-length'),
        body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
        origin: header('origin'),
        secFetchSite: header('sec-fetch-site'),
        requestUrl: url,
        ip: req.socket.remoteAddress ?? '',
        locale: 'en',
      },
      deps,
    ).then((outcome) => {
      const headers = responseHeaders(outcome);
      if (outcome.type === 'accepted') headers['Location'] = `/confirmation?ref=${outcome.reference}`;
      res.writeHead(statusFor(outcome), { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify(outcome));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function postForm(base: string, path: string, pairs: Pairs): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams(pairs).toString(),
    redirect: 'manual',
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed on stdout so far, one log line per entry. */
  lines: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
}

/** Starts `node src/referrals/cli/worker.ts` with the given environment (and nothing inherited but PATH). */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(NODE, [WORKER_CLI], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
    for (const w of waiters) w();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    child,
    lines,
    stderr,
    exited,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (parsed().some(predicate)) {
            cleanup();
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            cleanup();
            reject(new Error(`worker exited before the expected log line; stderr: ${stderr.join('')}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for a log line; got:\n${lines.join('\n')}\nstderr: ${stderr.join('')}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Polls until `done()` is true, failing after `timeoutMs`. */
export async function eventually(done: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
