/**
 * Runs pa11y-ci (WCAG2AA with the axe and HTML_CodeSniffer runners) over every
 * page in the built sitemap, against a server it starts on a spare port.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBuiltServer } from '../serveBuilt.ts';
import { sitemapPaths } from '../sitemapUrls.ts';

interface Pa11yReport {
  total?: number;
  passes?: number;
  results?: Record<string, { message: string; selector?: string; code?: string }[]>;
}

const server = await startBuiltServer(Number(process.env['PA11Y_PORT'] ?? 4328), { DELIVERY_WORKER: 'off' });
const config = {
  defaults: {
    standard: 'WCAG2AA',
    runners: ['axe', 'htmlcs'],
    timeout: 60_000,
    // One page at a time: with more, Chromium closes pages under puppeteer ("No target with given id").
    concurrency: 1,
    chromeLaunchConfig: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  urls: sitemapPaths().map((path) => `${server.base}${path}`),
};
const configFile = join(server.dataDir, 'pa11yci.json');
writeFileSync(configFile, JSON.stringify(config));

const code = await new Promise<number>((resolve) => {
  const run = spawn(process.execPath, ['node_modules/pa11y-ci/bin/pa11y-ci.js', '--config', configFile, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  run.on('close', (exit) => {
    const report = JSON.parse(output || '{}') as Pa11yReport;
    for (const [url, issues] of Object.entries(report.results ?? {})) {
      for (const issue of issues) console.log(`✗ ${new URL(url).pathname}: ${issue.code ?? ''} ${issue.selector ?? ''} — ${issue.message}`);
    }
    const total = report.total ?? config.urls.length;
    const passes = report.passes ?? 0;
    console.log(`pa11y-ci: ${passes} of ${total} pages with no errors`);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/pa11y.json', JSON.stringify({ passed: passes, failed: total - passes }));
    resolve(exit ?? 1);
  });
});
server.stop();
process.exit(code);
