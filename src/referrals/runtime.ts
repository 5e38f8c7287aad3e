import type { Health } from './health.ts';
import type { Confirmation } from './outbox.ts';
import { receiveSubmission, type Outcome, type ReceiveInput } from './receive.ts';
import { normaliseReference } from './reference.ts';
import type { Services } from './services.ts';

/**
 * The web server's single set of referral services, made on first use. Modules that need node:sqlite
 * are loaded lazily, so on a Node.js without it the server still starts far enough for
 * assertRuntimeReady() to say what is wrong instead of failing at the first form post.
 */

/** node:sqlite works without a flag from Node.js 22.13 (and in 23.4+). */
export const MIN_NODE = [22, 13] as const;

/**
 * Kept on globalThis, not in a module variable: the server entry (src/server/main.ts) and the
 * built site each load their own copy of this module, and both must share one outbox and worker.
 */
const SLOT = Symbol.for('right-to-be-heard.referrals.runtime');
const shared = globalThis as typeof globalThis & { [SLOT]?: Promise<Services> | undefined };

export function checkNodeVersion(version: string = process.versions.node): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return;
  throw new Error(
    `Node.js ${MIN_NODE.join('.')} or later is needed, but this is ${version}. The referral outbox uses the ` +
      'built-in node:sqlite module. Start the site with the npm scripts (npm start, npm run serve), which use ' +
      "the project's own Node.js from node_modules/.bin, or install Node.js 24.",
  );
}

/** The services, opened once; the delivery worker starts with them unless DELIVERY_WORKER=off. */
export function getRuntime(): Promise<Services> {
  shared[SLOT] ??= (async () => {
    checkNodeVersion();
    const { openServices } = await import('./services.ts');
    const opened = openServices({ keepAlive: false });
    if (opened.config.deliveryWorker) opened.worker.start();
    return opened;
  })().catch((error: unknown) => {
    // Not cached: the next call says what is wrong again rather than an opaque rejected promise.
    shared[SLOT] = undefined;
    throw error;
  });
  return shared[SLOT];
}

/**
 * Call once when the server starts: checks the Node.js version, the environment (encryption key in
 * production, mail settings), the provider file and the outbox, and starts delivery. Throws with a
 * message that says what to fix.
 */
export async function assertRuntimeReady(): Promise<void> {
  await getRuntime();
}

/** receiveSubmission with the server's outbox, rate limit, clock and logger. */
export async function receive(input: ReceiveInput): Promise<Outcome> {
  return receiveSubmission(input, (await getRuntime()).receiveDeps);
}

export async function healthz(): Promise<Health> {
  return (await getRuntime()).health();
}

/** What the confirmation page may show about a reference: no personal data. */
export async function findConfirmation(reference: string): Promise<Confirmation | null> {
  const canonical = normaliseReference(reference);
  return canonical === null ? null : (await getRuntime()).store.findConfirmation(canonical);
}

/** Stops the worker and closes the outbox, e.g. on shutdown or between tests. */
export async function closeRuntime(): Promise<void> {
  const current = shared[SLOT];
  shared[SLOT] = undefined;
  const opened = await current?.catch(() => undefined);
  await opened?.close();
}
