import { loadProvider } from '../config/loadProvider.ts';
import type { Provider } from '../config/providerSchema.ts';
import { DEFAULT_RETRY_POLICY } from './backoff.ts';
import { systemClock, type Clock } from './clock.ts';
import { readConfig, type ReferralConfig } from './config.ts';
import { devSinkMailer } from './devSink.ts';
import { loadKeyring } from './encryptionKey.ts';
import { groupCommitter } from './groupCommit.ts';
import { health, type Health } from './health.ts';
import { createLogger, type Logger } from './log.ts';
import { resendMailer, type Mailer } from './mailer.ts';
import { openOutbox, type Outbox } from './outbox.ts';
import { cryptoRandom, type RandomSource } from './random.ts';
import { createRateLimiter, type RateLimiter } from './rateLimiter.ts';
import type { ReceiveDeps } from './receive.ts';
import { createWorker, type Worker } from './worker.ts';

/**
 * Wires the parts together from the environment: used by the web server (through runtime.ts) and
 * by the stand-alone worker. Nothing here is a singleton; each call opens its own outbox handle.
 */

export interface Services {
  config: ReferralConfig;
  provider: Provider;
  store: Outbox;
  mailer: Mailer;
  worker: Worker;
  rateLimiter: RateLimiter;
  clock: Clock;
  log: Logger;
  receiveDeps: ReceiveDeps;
  health(): Health;
  /** Stops the worker (finishing a send in flight) and closes the outbox. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  provider?: Provider;
  clock?: Clock;
  log?: Logger;
  random?: RandomSource;
  /** Whether the worker's timers keep the process alive: yes for the stand-alone worker. */
  keepAlive: boolean;
  /** Where start-up warnings go (the development key); stderr by default. */
  warn?: (message: string) => void;
}

export function openServices(options: ServiceOptions): Services {
  const config = readConfig(options.env ?? process.env, options.cwd ?? process.cwd());
  const provider = options.provider ?? loadProvider();
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(undefined, clock);
  const random = options.random ?? cryptoRandom;
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));

  const keyring = loadKeyring({
    key: config.encryptionKey,
    oldKeys: config.oldEncryptionKeys,
    production: config.production,
    varDir: config.varDir,
    warn,
    random,
  });
  if (config.production && config.resend === null) {
    warn(`WARNING: NODE_ENV=production but RESEND_API_KEY is not set: emails are only written to ${config.mailDir}.`);
  }
  const store = openOutbox({ path: config.dbPath, keyring, random });
  const mailer = config.resend
    ? resendMailer({ apiKey: config.resend.apiKey, baseUrl: config.resend.baseUrl, timeoutMs: config.sendTimeoutMs, clock })
    : devSinkMailer({ dir: config.mailDir, clock, log });
  const worker = createWorker(
    { outbox: store, mailer, clock, log, random },
    {
      from: config.mailFrom,
      to: config.referralTo ?? provider.referralEmail,
      provider,
      leaseMs: config.leaseMs,
      retryPolicy: DEFAULT_RETRY_POLICY,
      pollMs: config.pollMs,
      retentionMs: config.retentionMs,
      sweepEveryMs: 60 * 60_000,
      keepAlive: options.keepAlive,
    },
  );
  const rateLimiter = createRateLimiter(config.rateLimit);
  return {
    config,
    provider,
    store,
    mailer,
    worker,
    rateLimiter,
    clock,
    log,
    receiveDeps: {
      store,
      accept: groupCommitter(store),
      rateLimiter,
      clock,
      log,
      random,
      selfReferrals: provider.selfReferrals,
      allowedOrigins: config.allowedOrigins,
      onAccepted: () => worker.wake(),
    },
    health: () => health(store.stats(), clock.now(), config.healthMaxPendingSeconds),
    async close() {
      await worker.stop();
      store.close();
    },
  };
}
