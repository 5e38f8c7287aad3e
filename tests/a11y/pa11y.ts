/**
 * Runs pa11y-ci (WCAG2AA with the axe and HTML_CodeSniffer runners) over every
 * page in the built sitemap, against a server it starts on a spare port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sitemapPaths } from '../sitemapUrls.ts';

const port = Number(process.env['PA11Y_PORT'] ?? 4328);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'rtbh-pa11y-'));

const server = spawn(process.execPath, ['src/server/start.ts'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OUTBOX_DB: join(dir, 'outbox.sqlite'), MAIL_SINK_DIR: join(dir, 'mail'), DELIVERY_WORKER: 'off' },
  stdio: 'ignore',
});

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${base}/en/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not start on ${base}`);
}

const chromeArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];
const config = {
  defaults: {
    standard: 'WCAG2AA',
    runners: ['axe', 'htmlcs'],
    timeout: 60_000,
    concurrency: 2,
    chromeLaunchConfig: { executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromeArgs },
  },
  urls: [...sitemapPaths().map((path) => `${base}${path}`), ...(process.env['PA11Y_EXTRA_PATHS'] ?? '').split(',').filter(Boolean).map((path) => `${base}${path}`)],
};
const configFile = join(dir, 'pa11yci.json');
writeFileSync(configFile, JSON.stringify(config));

let code = 1;
try {
  await waitForServer();
  code = await new Promise<number>((resolve) => {
    const run = spawn(process.execPath, ['node_modules/pa11y-ci/bin/pa11y-ci.js', '--config', configFile, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.on('close', (exit) => {
      const report = JSON.parse(output || '{}') as { total?: number; passes?: number; results?: Record<string, { message: string; selector: string; code: string }[]> };
      for (const [url, issues] of Object.entries(report.results ?? {})) {
        for (const issue of issues) console.log(`✗ ${new URL(url).pathname}: ${issue.code} ${issue.selector} — ${issue.message}`);
      }
      const total = report.total ?? 0;
      const passes = report.passes ?? 0;
      console.log(`pa11y-ci: ${passes} of ${total} pages with no errors`);
      writeFileSync('test-results/pa11y.json', JSON.stringify({ passed: passes, failed: total - passes }));
      resolve(exit ?? 1);
    });
  });
} finally {
  server.kill('SIGTERM');
}
process.exit(code);
