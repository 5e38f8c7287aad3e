import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const start = (node: string, env: Record<string, string>) =>
  spawnSync(node, ['src/server/start.mjs'], {
    env: { PATH: process.env['PATH'] ?? '', VAR_DIR: mkdtempSync(join(tmpdir(), 'rtbh-start-')), PORT: '4339', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });

describe('starting the server', () => {
  it('in production without an encryption key, refuses and says what to set', () => {
    const run = start(process.execPath, { NODE_ENV: 'production' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REFERRAL_ENCRYPTION_KEY');
  });

  it('with a provider file that is wrong, refuses and names the field', () => {
    const run = start(process.execPath, { PROVIDER_CONFIG: 'tests/fixtures/provider-bad-phone.yaml' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/phone: must be a UK phone number/);
  });

  // The machine's own Node.js may be older than the project's; if so, the message must say what to do.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path) && path !== process.execPath);
  const old = systemNode && Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) < 22;
  it.runIf(old)('on an old Node.js, refuses with a clear message instead of a stack trace', () => {
    const run = start(systemNode ?? '', {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('needs Node.js 22.13 or newer');
    expect(run.stderr).toContain('npm start');
  });
});
