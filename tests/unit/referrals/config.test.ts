import { describe, expect, it } from 'vitest';
import { checkNodeVersion } from '../../../src/referrals/runtime.ts';
import { DEFAULT_MAIL_FROM, readConfig } from '../../../src/referrals/config.ts';

const CWD = '/srv/site';

describe('settings from the environment', () => {
  it('work with nothing set', () => {
    const c = readConfig({}, CWD);
    expect(c).toMatchObject({
      production: false,
      dbPath: '/srv/site/var/outbox.sqlite',
      mailDir: '/srv/site/var/mail',
      resend: null,
      mailFrom: DEFAULT_MAIL_FROM,
      referralTo: undefined,
      deliveryWorker: true,
      sendTimeoutMs: 10_000,
      leaseMs: 30_000,
      retentionMs: 30 * 86_400_000,
      rateLimit: { limit: 5, windowMs: 600_000 },
      allowedOrigins: [],
    });
  });

  it('read every variable', () => {
    const c = readConfig(
      {
        NODE_ENV: 'production',
        OUTBOX_DB: 'data/o.sqlite',
        RESEND_API_KEY: 're_x',
        RESEND_BASE_URL: 'http://127.0.0.1:9999/',
        MAIL_FROM: 'IMHA <referrals@imha.example.org>',
        REFERRAL_TO: 'intake@provider.example',
        DELIVERY_WORKER: 'off',
        DELIVERY_TIMEOUT_MS: '2000',
        DELIVERY_LEASE_MS: '5000',
        RETENTION_DAYS: '7',
        RATE_LIMIT_MAX: '10',
        RATE_LIMIT_WINDOW_SECONDS: '60',
        ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      },
      CWD,
    );
    expect(c).toMatchObject({
      production: true,
      dbPath: '/srv/site/data/o.sqlite',
      resend: { apiKey: 're_x', baseUrl: 'http://127.0.0.1:9999' },
      mailFrom: 'IMHA <referrals@imha.example.org>',
      referralTo: 'intake@provider.example',
      deliveryWorker: false,
      sendTimeoutMs: 2000,
      leaseMs: 5000,
      retentionMs: 7 * 86_400_000,
      rateLimit: { limit: 10, windowMs: 60_000 },
      allowedOrigins: ['https://a.example', 'https://b.example'],
    });
  });

  it('insist on MAIL_FROM in production when sending through Resend', () => {
    expect(() => readConfig({ NODE_ENV: 'production', RESEND_API_KEY: 're_x' }, CWD)).toThrow(/MAIL_FROM must be set in production/);
    expect(readConfig({ RESEND_API_KEY: 're_x' }, CWD).mailFrom).toBe(DEFAULT_MAIL_FROM);
  });

  it('name every bad variable', () => {
    let message = '';
    try {
      readConfig(
        {
          MAIL_FROM: 'Evil <a@b.org>\r\nBcc: x@y.org',
          REFERRAL_TO: 'two@a.org, three@b.org',
          DELIVERY_TIMEOUT_MS: 'soon',
          DELIVERY_WORKER: 'maybe',
          RESEND_BASE_URL: 'ftp://x',
          ALLOWED_ORIGINS: 'https://a.example/path',
        },
        CWD,
      );
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['MAIL_FROM', 'REFERRAL_TO', 'DELIVERY_TIMEOUT_MS', 'DELIVERY_WORKER', 'RESEND_BASE_URL', 'ALLOWED_ORIGINS']) {
      expect(message).toContain(name);
    }
  });

  it('refuse a lease no longer than the send timeout', () => {
    expect(() => readConfig({ DELIVERY_TIMEOUT_MS: '5000', DELIVERY_LEASE_MS: '5000' }, CWD)).toThrow(/DELIVERY_LEASE_MS must be longer/);
  });
});

describe('the Node.js version check', () => {
  it('explains what is needed', () => {
    expect(() => checkNodeVersion('20.19.0')).toThrow(/Node\.js 22\.13 or later is needed, but this is 20\.19\.0[\s\S]*node:sqlite/);
    expect(() => checkNodeVersion('22.12.0')).toThrow(/22\.13/);
    expect(() => checkNodeVersion('22.13.0')).not.toThrow();
    expect(() => checkNodeVersion('24.21.0')).not.toThrow();
  });
});
