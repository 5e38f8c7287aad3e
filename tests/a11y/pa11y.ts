/**
 * Runs pa11y-ci (WCAG2AA with the axe and HTML_CodeSniffer runners) over every page in the built
 * sitemap, against a server it starts on a spare port. The pages are split between two pa11y-ci
 * processes, each with its own browser and one page at a time: within one browser, more than one
 * page at a time makes Chromium close pages under puppeteer ("No target with given id").
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

const PROCESSES = Number(process.env['PA11Y_PROCESSES'] ?? 2);
const server = await startBuiltServer(Number(process.env['PA11Y_PORT'] ?? 4328), { DELIVERY_WORKER: 'off' });
const urls = sitemapPaths().map((path) => `${server.base}${path}`);

function runShare(index: number): Promise<{ total: number; passes: number; ok: boolean }> {
  const share = urls.filter((_url, i) => i % PROCESSES === index);
  const config = {
    defaults: {
      standard: 'WCAG2AA',
      runners: ['axe', 'htmlcs'],
      timeout: 60_000,
      concurrency: 1,
      chromeLaunchConfig: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    },
    urls: share,
  };
  const configFile = join(server.dataDir, `pa11yci-${index}.json`);
  writeFileSync(configFile, JSON.stringify(config));
  return new Promise((resolve) => {
    const run = spawn(process.execPath, ['node_modules/pa11y-ci/bin/pa11y-ci.js', '--config', configFile, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.on('close', (exit) => {
      let report: Pa11yReport = {};
      try {
        report = JSON.parse(output || '{}') as Pa11yReport;
      } catch {
        console.log(`pa11y-ci printed something that is not its report:\n${output.slice(0, 2000)}`);
      }
      for (const [url, issues] of Object.entries(report.results ?? {})) {
        for (const issue of issues) console.log(`✗ ${new URL(url).pathname}: ${issue.code ?? ''} ${issue.selector ?? ''} — ${issue.message}`);
      }
      resolve({ total: report.total ?? share.length, passes: report.passes ?? 0, ok: exit === 0 });
    });
  });
}

const shares = await Promise.all(Array.from({ length: PROCESSES }, (_v, i) => runShare(i)));
server.stop();
const total = shares.reduce((sum, s) => sum + s.total, 0);
const passes = shares.reduce((sum, s) => sum + s.passes, 0);
console.log(`pa11y-ci: ${passes} of ${total} pages with no errors`);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/pa11y.json', JSON.stringify({ passed: passes, failed: total - passes }));
process.exit(shares.every((s) => s.ok) && passes === total ? 0 : 1);
